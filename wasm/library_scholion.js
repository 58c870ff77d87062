// JavaScript pieces of the canvas's platform layer, linked with --js-library so they can
// name the Emscripten runtime's own objects as dependencies.
mergeInto(LibraryManager.library, {
  // html5.h finds event targets by selector or in specialHTMLTargets; the canvas may live
  // in a shadow root where document.querySelector cannot reach, so register it by name.
  scholion_bind_canvas__deps: ['$specialHTMLTargets'],
  scholion_bind_canvas: function (selector) {
    specialHTMLTargets[UTF8ToString(selector)] = Module['scholionCanvas'];
  },

  scholion_create_webgl2_context__deps: ['$GL'],
  scholion_create_webgl2_context: function () {
    return GL.createContext(Module['scholionCanvas'], {
      majorVersion: 2, minorVersion: 0, alpha: false, depth: false, stencil: false,
      antialias: false, premultipliedAlpha: true, preserveDrawingBuffer: false,
      powerPreference: 'default', failIfMajorPerformanceCaveat: false,
      enableExtensionsByDefault: true,
    });
  },

  // The canvas's position in the viewport, read per event: the host page may scroll.
  scholion_canvas_origin: function (x, y) {
    var r = Module['scholionCanvas'].getBoundingClientRect();
    HEAPF64[x >> 3] = r.left;
    HEAPF64[y >> 3] = r.top;
  },
});

mergeInto(LibraryManager.library, {
  // Tells the page's script that the reader changed an annotation: kind 0 added,
  // 1 updated, 2 removed (ChangeKind), with the annotation as stored JSON. The page
  // saves (debounced) and tells the publisher.
  scholion_js_annotations_changed: function (kind, json) {
    if (Module['onAnnotationsChanged']) Module['onAnnotationsChanged'](kind, UTF8ToString(json));
  },
  // The reader asked to write or edit a note on the selection ("Note" in the toolbar);
  // the page opens its editor over the canvas.
  scholion_js_note_requested: function () {
    if (Module['onNoteRequested']) Module['onNoteRequested']();
  },
  // The reader pressed "Export" in the canvas's notice bar.
  scholion_js_export_requested: function () {
    if (Module['onExportRequested']) Module['onExportRequested']();
  },
});

mergeInto(LibraryManager.library, {
  // Puts text on the system clipboard (called from a user gesture's handler or frame).
  scholion_js_copy: function (text) {
    var s = UTF8ToString(text);
    if (Module['onCopy']) Module['onCopy'](s);
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(s).catch(function () {});
    }
  },
});

mergeInto(LibraryManager.library, {
  // The selection (code points) or the selected annotation changed; id "" for none.
  scholion_js_selection_changed: function (anchor, head, id) {
    if (Module['onSelectionChanged']) Module['onSelectionChanged'](anchor >>> 0, head >>> 0, UTF8ToString(id));
  },
});
