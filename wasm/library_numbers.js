// strtod for the wasm build (wasm/libc_shim.cpp): the number's syntax and value read by
// JavaScript's own parseFloat, which rounds correctly, instead of musl's long-double
// reader and its software 128-bit arithmetic. nlohmann's JSON reader is its one caller.
mergeInto(LibraryManager.library, {
  scholion_strtod: function (str, endptr) {
    // Reads only ASCII, so bytes and characters are one.
    var s = '', at = str;
    for (var c; (c = HEAPU8[at]) !== 0 && at - str < 1100; ++at) s += String.fromCharCode(c);
    var m = /^[ \t\n\v\f\r]*([+-]?)(?:((?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)|(inf(?:inity)?)|(nan))/i.exec(s);
    if (endptr) HEAP32[endptr >> 2] = m ? str + m[0].length : str;
    if (!m) return 0;
    var sign = m[1] === '-' ? -1 : 1;
    if (m[3]) return sign * Infinity;
    if (m[4]) return NaN;
    return sign * parseFloat(m[2]);
  },
});
