// JavaScript pieces of the canvas's platform layer, linked with --js-library so they can
// name the Emscripten runtime's own objects as dependencies.
mergeInto(LibraryManager.library, {
  // html5.h finds event targets by selector or in specialHTMLTargets; the canvas may live
  // in a shadow root where document.querySelector cannot reach, so register it by name.
  scholion_bind_canvas__deps: ['$specialHTMLTargets'],
  scholion_bind_canvas: function (selector) {
    specialHTMLTargets[UTF8ToString(selector)] = Module['scholionCanvas'];
  },

  // The canvas's renderer: ImGui's draw lists (vertices: x, y, u, v as floats and an RGBA
  // colour; 32-bit indices) drawn with WebGL 2 straight from the wasm memory, one texture
  // (the font atlas, one byte of coverage per pixel). 1 on success, 0 without WebGL 2.
  scholion_gl_init: function () {
    var gl = Module['scholionCanvas'].getContext('webgl2', {
      alpha: false, depth: false, stencil: false, antialias: false, premultipliedAlpha: true,
      preserveDrawingBuffer: false,
    });
    if (!gl) return 0;
    var shader = function (type, source) {
      var sh = gl.createShader(type);
      gl.shaderSource(sh, '#version 300 es\nprecision mediump float;\n' + source);
      gl.compileShader(sh);
      return sh;
    };
    var program = gl.createProgram();
    gl.attachShader(program, shader(gl.VERTEX_SHADER,
      'uniform vec2 size; in vec2 p; in vec2 uv; in vec4 c; out vec2 f_uv; out vec4 f_c;' +
      'void main() { f_uv = uv; f_c = c; gl_Position = vec4(p.x * 2.0 / size.x - 1.0, 1.0 - p.y * 2.0 / size.y, 0, 1); }'));
    gl.attachShader(program, shader(gl.FRAGMENT_SHADER,
      'uniform sampler2D t; in vec2 f_uv; in vec4 f_c; out vec4 o;' +
      'void main() { o = f_c * vec4(1, 1, 1, texture(t, f_uv).r); }'));
    gl.linkProgram(program);
    if (!gl.getProgramParameter(program, gl.LINK_STATUS)) return 0;
    gl.useProgram(program);
    gl.bindVertexArray(gl.createVertexArray());
    gl.bindBuffer(gl.ARRAY_BUFFER, gl.createBuffer());
    gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, gl.createBuffer());
    [['p', 2, gl.FLOAT, false, 0], ['uv', 2, gl.FLOAT, false, 8], ['c', 4, gl.UNSIGNED_BYTE, true, 16]]
      .forEach(function (a) {
        var at = gl.getAttribLocation(program, a[0]);
        gl.enableVertexAttribArray(at);
        gl.vertexAttribPointer(at, a[1], a[2], a[3], 20, a[4]);
      });
    gl.bindTexture(gl.TEXTURE_2D, gl.createTexture());
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
    gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
    gl.enable(gl.BLEND);
    gl.blendEquation(gl.FUNC_ADD);
    gl.blendFuncSeparate(gl.SRC_ALPHA, gl.ONE_MINUS_SRC_ALPHA, gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
    gl.enable(gl.SCISSOR_TEST);
    gl.clearColor(1, 1, 1, 1);
    Module['scholionGL'] = { gl: gl, size: gl.getUniformLocation(program, 'size') };
    return 1;
  },
  // The font atlas: `width` × `height` bytes of coverage.
  scholion_gl_texture: function (pixels, width, height) {
    var gl = Module['scholionGL'].gl;
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.R8, width, height, 0, gl.RED, gl.UNSIGNED_BYTE,
                  HEAPU8.subarray(pixels, pixels + width * height));
  },
  // Starts a frame of `width` × `height` device pixels on white.
  scholion_gl_begin: function (width, height) {
    var r = Module['scholionGL'], gl = r.gl;
    r.height = height;
    gl.viewport(0, 0, width, height);
    gl.scissor(0, 0, width, height);
    gl.uniform2f(r.size, width, height);
    gl.clear(gl.COLOR_BUFFER_BIT);
  },
  // One draw list's vertices and indices (byte ranges of the wasm memory).
  scholion_gl_buffers: function (vertices, vertexBytes, indices, indexBytes) {
    var gl = Module['scholionGL'].gl;
    gl.bufferData(gl.ARRAY_BUFFER, HEAPU8.subarray(vertices, vertices + vertexBytes), gl.STREAM_DRAW);
    gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, HEAPU8.subarray(indices, indices + indexBytes), gl.STREAM_DRAW);
  },
  // `count` indices from index number `first`, clipped to the rectangle (x0, y0)–(x1, y1).
  scholion_gl_draw: function (x0, y0, x1, y1, count, first) {
    var r = Module['scholionGL'], gl = r.gl;
    gl.scissor(x0, r.height - y1, x1 - x0, y1 - y0);
    gl.drawElements(gl.TRIANGLES, count, gl.UNSIGNED_INT, first * 4);
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
  // 1 updated, 2 removed (ChangeKind), by origin 0 an edit, 1 undo, 2 redo (ChangeOrigin),
  // with the annotation as stored JSON. The page saves (debounced) and tells the publisher.
  scholion_js_annotations_changed: function (kind, origin, json) {
    if (Module['onAnnotationsChanged']) Module['onAnnotationsChanged'](kind, origin, UTF8ToString(json));
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
  // A command the reader gave could not be carried out; the page announces why.
  scholion_js_refused: function (reason) {
    if (Module['onRefused']) Module['onRefused'](UTF8ToString(reason));
  },
});
