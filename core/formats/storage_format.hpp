// Storage JSON: how one document's annotations are kept (one localStorage value per
// document, see DESIGN.md "Storage"). Versioned with "schema"; this file writes schema 1.
//
//   {
//     "schema": 1,
//     "document": {"id": "https://…", "title": "…", "source_url": "…",
//                  "fingerprint": "sha256:…"},
//     "annotations": [
//       {"id": "<uuid>", "start": 12, "end": 30,           // code points, end exclusive
//        "quote": {"exact": "…", "prefix": "…", "suffix": "…"},
//        "color": "yellow", "note": "", "tags": ["…"],
//        "created": 1714555800000, "modified": 1714555800000}  // ms since epoch, UTC
//     ],
//     "tombstones": [{"id": "<uuid>", "deleted": 1714555900000}],
//     "orphans": [ … ]   // optional: annotations that could not be placed in this text
//   }                    // (model/orphans.hpp), as "annotations" are written
//
// Reading is all-or-nothing: the first problem is returned as an Error naming the value
// and its JSON path ("$.annotations[3].color: unknown colour \"teal\" …") and nothing is
// returned. Older schemas are upgraded first, one step at a time, by the migration
// table; a newer schema than this build knows is refused, so that stored data written by
// a newer Scholion is set aside, never misread or overwritten.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/annotation.hpp"
#include "core/formats/json_input.hpp"
#include "core/text/result.hpp"
#include "core/model/tombstone.hpp"

namespace scholion {

inline constexpr int kStorageSchema = 1;

// What a stored value says about its document: enough to find it again and to notice
// (fingerprint) that its text changed since the annotations were made.
struct StoredDocumentInfo {
  std::string id;
  std::string title;
  std::string source_url;
  std::string fingerprint;  // Document::fingerprint() when last saved
  bool operator==(const StoredDocumentInfo&) const = default;
};

struct StoredDocument {
  StoredDocumentInfo document;
  std::vector<Annotation> annotations;
  std::vector<Tombstone> tombstones;
  std::vector<Annotation> orphans;  // kept with their quote, placed nowhere
  bool operator==(const StoredDocument&) const = default;
};

// Upgrades a parsed value of schema N to schema N+1 (and sets "schema" to N+1).
using StorageMigration = Result<Json> (*)(Json older);

// The production table: kStorageMigrations[k] upgrades schema k+1 to k+2. Empty while
// schema 1 is the only one; append a step whenever kStorageSchema grows.
std::span<const StorageMigration> storage_migrations();

// Compact JSON (localStorage space is scarce). Annotations and tombstones are written
// in the order given.
std::string write_storage_json(const StoredDocument& stored);
Json storage_to_json(const StoredDocument& stored);
// One annotation as the lists above hold it.
Json annotation_to_json(const Annotation& annotation);

// Reads any schema from 1 to kStorageSchema.
Result<StoredDocument> read_storage_json(std::string_view text);

// The same with an explicit table, for tests: `migrations` upgrades the
// `migrations.size()` schemas before kStorageSchema, one step each.
Result<StoredDocument> read_storage_json(std::string_view text,
                                         std::span<const StorageMigration> migrations);

// Reads a value already parsed, e.g. one taken out of a larger document: the inverse of
// storage_to_json. read_storage_json gives the same result and errors for the same text.
Result<StoredDocument> storage_from_json(Json value, std::span<const StorageMigration> migrations =
                                                         storage_migrations());

}  // namespace scholion
