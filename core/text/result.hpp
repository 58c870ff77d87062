// Result<T>: how errors travel out of the core.
//
// The core never throws across its API. Every function that takes input from outside
// (JSON, DOM text, offsets from JavaScript, storage) returns a Result: either the value
// or an Error whose message names the bad value, and, for structured input, the JSON
// path where it was found. The same code therefore behaves identically in native
// builds and in the wasm build, which is compiled without exception support.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace scholion {

struct Error {
  std::string message;  // what is wrong, naming the bad value
  std::string path;     // where, as a JSON path ("$.rows[3].target"); empty if n/a

  std::string describe() const { return path.empty() ? message : path + ": " + message; }
};

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}     // NOLINT: implicit by design

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  const T& value() const& { return std::get<0>(v_); }
  T& value() & { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  const T& operator*() const& { return value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

inline Error make_error(std::string message, std::string path = {}) {
  return Error{std::move(message), std::move(path)};
}

}  // namespace scholion
