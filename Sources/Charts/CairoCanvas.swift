import CCairo
import Formatting

/// A canvas backed by Cairo: an SVG surface for pages, an ARGB image surface for PNG e-mail
/// images, or a PDF page (`CairoPDF.swift`). With CairoPDF.swift, the only file that imports CCairo. Fonts: DejaVu Sans through Cairo's toy text API,
/// with hinting off so text widths are the same on the SVG and PNG surfaces.
public final class CairoCanvas: Canvas {
    /// The Cairo context; CairoPDF.swift moves it between a page's blocks.
    let cr: OpaquePointer
    private let surface: OpaquePointer
    private(set) var tooltips: [(text: String, rect: Rect)] = []

    init(surface: OpaquePointer, scale: Double) {
        self.surface = surface
        self.cr = cairo_create(surface)
        if scale != 1 { cairo_scale(cr, scale, scale) }
        if let options = cairo_font_options_create() {
            cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
            cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
            cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
            cairo_set_font_options(cr, options)
            cairo_font_options_destroy(options)
        }
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
    }

    deinit {
        cairo_destroy(cr)
        cairo_surface_destroy(surface)
    }

    /// Draws with `draw` on an SVG surface of `width` x `height` pixels and returns Cairo's raw SVG
    /// text plus the tooltips to add (see `SVGPostProcessor`).
    static func svg(width: Int, height: Int, draw: (CairoCanvas) -> Void) -> (svg: String, tooltips: [(text: String, rect: Rect)]) {
        let sink = ByteSink()
        let ctx = Unmanaged.passUnretained(sink).toOpaque()
        guard let surface = cairo_svg_surface_create_for_stream(writeToSink, ctx, Double(width), Double(height)) else {
            return ("", [])
        }
        cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX)
        var tips: [(text: String, rect: Rect)] = []
        do {
            let canvas = CairoCanvas(surface: surface, scale: 1)
            draw(canvas)
            tips = canvas.tooltips
            cairo_surface_finish(surface)
        }
        return (String(decoding: sink.bytes, as: UTF8.self), tips)
    }

    /// Draws with `draw` on an opaque white image of `width` x `height` at `scale` and returns PNG bytes.
    static func png(width: Int, height: Int, scale: Double, draw: (CairoCanvas) -> Void) -> [UInt8] {
        let pw = Int32((Double(width) * scale).rounded()), ph = Int32((Double(height) * scale).rounded())
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pw, ph) else { return [] }
        let sink = ByteSink()
        do {
            let canvas = CairoCanvas(surface: surface, scale: scale)
            canvas.fillRect(Rect(x: 0, y: 0, width: Double(width), height: Double(height)), color: .white)
            draw(canvas)
            cairo_surface_flush(surface)
            if let png = encodePNG(surface) { return png }
            let ctx = Unmanaged.passUnretained(sink).toOpaque()
            _ = cairo_surface_write_to_png_stream(surface, writeToSink, ctx)
        }
        return sink.bytes
    }

    private func setColor(_ c: Color) {
        cairo_set_source_rgb(cr, Double(c.r) / 255, Double(c.g) / 255, Double(c.b) / 255)
    }

    private func apply(_ s: StrokeStyle) {
        setColor(s.color)
        cairo_set_line_width(cr, s.width)
        if s.dash.isEmpty {
            cairo_set_dash(cr, nil, 0, 0)
        } else {
            s.dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0) }
        }
    }

    private func selectFont(_ style: TextStyle) {
        cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                               style.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(cr, style.size)
    }

    public func textWidth(_ text: String, style: TextStyle) -> Double {
        selectFont(style)
        var ext = cairo_text_extents_t()
        BidiText.stripped(text).withCString { cairo_text_extents(cr, $0, &ext) }   // no glyph for a bidi control: measured as drawn
        return ext.x_advance
    }

    public func fillRect(_ rect: Rect, color: Color) {
        guard rect.width > 0, rect.height > 0 else { return }
        setColor(color)
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_fill(cr)
    }

    public func strokeRect(_ rect: Rect, stroke: StrokeStyle) {
        apply(stroke)
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_stroke(cr)
    }

    public func strokePath(_ points: [Point], stroke: StrokeStyle) {
        guard let first = points.first, points.count > 1 else { return }
        apply(stroke)
        cairo_move_to(cr, first.x, first.y)
        for p in points.dropFirst() { cairo_line_to(cr, p.x, p.y) }
        cairo_stroke(cr)
    }

    public func fillPath(_ points: [Point], color: Color) {
        guard let first = points.first, points.count > 2 else { return }
        setColor(color)
        cairo_move_to(cr, first.x, first.y)
        for p in points.dropFirst() { cairo_line_to(cr, p.x, p.y) }
        cairo_close_path(cr)
        cairo_fill(cr)
    }

    public func circle(center: Point, radius: Double, fill: Color?, stroke: StrokeStyle?) {
        cairo_new_path(cr)
        cairo_arc(cr, center.x, center.y, radius, 0, 2 * Double.pi)
        if let fill {
            setColor(fill)
            if stroke != nil { cairo_fill_preserve(cr) } else { cairo_fill(cr) }
        }
        if let stroke {
            apply(stroke)
            cairo_stroke(cr)
        }
        cairo_new_path(cr)
    }

    public func text(_ text: String, at: Point, style: TextStyle, anchor: TextAnchor, baseline: TextBaseline, angle: Double) {
        guard !text.isEmpty else { return }
        let w = textWidth(text, style: style)
        setColor(style.color)
        let dx: Double
        switch anchor {
        case .start: dx = 0
        case .middle: dx = -w / 2
        case .end: dx = -w
        }
        let dy = baseline.baselineOffset(size: style.size)
        cairo_save(cr)
        cairo_translate(cr, at.x, at.y)
        if angle != 0 { cairo_rotate(cr, angle * Double.pi / 180) }
        cairo_move_to(cr, dx, dy)
        BidiText.stripped(text).withCString { cairo_show_text(cr, $0) }   // Cairo applies no bidi: a control would only draw a missing glyph
        cairo_new_path(cr)
        cairo_restore(cr)
    }

    public func tooltip(_ text: String, rect: Rect) {
        tooltips.append((text, rect))
    }
}

/// Collects the bytes Cairo writes to a stream.
final class ByteSink {
    var bytes: [UInt8] = []
}

func writeToSink(_ closure: UnsafeMutableRawPointer?, _ data: UnsafePointer<UInt8>?, _ length: UInt32) -> cairo_status_t {
    guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
    let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
    sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
    return CAIRO_STATUS_SUCCESS
}

/// Encodes an RGB24 image surface as an 8-bit RGB PNG. Cairo's own writer (libpng with adaptive
/// filtering) spent ~40 ms per 1760x680 chart; the "Up" filter at zlib's fastest level (1, default strategy) is several
/// times faster and compresses flat chart images about as well. Deterministic for a given zlib.
private func encodePNG(_ surface: OpaquePointer) -> [UInt8]? {
    guard cairo_image_surface_get_format(surface) == CAIRO_FORMAT_RGB24, let data = cairo_image_surface_get_data(surface) else { return nil }
    let w = Int(cairo_image_surface_get_width(surface)), h = Int(cairo_image_surface_get_height(surface))
    let stride = Int(cairo_image_surface_get_stride(surface))
    let rowBytes = 1 + 3 * w
    var stream = z_stream()
    guard deflateInit2_(&stream, 1, Z_DEFLATED, 15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
    defer { deflateEnd(&stream) }
    // Filter a block of rows at a time ("Up": each byte minus the byte above) and stream it into
    // zlib, so no image-sized buffer is allocated and zeroed.
    let blockRows = 32
    let rowsBuf = UnsafeMutablePointer<UInt8>.allocate(capacity: blockRows * rowBytes)
    defer { rowsBuf.deallocate() }
    let outSize = 1 << 16
    let outBuf = UnsafeMutablePointer<UInt8>.allocate(capacity: outSize)
    defer { outBuf.deallocate() }
    var compressed: [UInt8] = []
    compressed.reserveCapacity(64 * 1024)
    let src = UnsafeRawPointer(data)
    var y = 0
    var status = Z_OK
    while y < h || status != Z_STREAM_END {
        let n = min(blockRows, h - y)
        for r in 0..<max(n, 0) {
            let row = src.advanced(by: (y + r) * stride).assumingMemoryBound(to: UInt32.self)
            var o = rowsBuf + r * rowBytes
            o.pointee = 2
            o += 1
            if y + r == 0 {
                for x in 0..<w {
                    let px = row[x]
                    o[0] = UInt8(truncatingIfNeeded: px >> 16); o[1] = UInt8(truncatingIfNeeded: px >> 8); o[2] = UInt8(truncatingIfNeeded: px)
                    o += 3
                }
            } else {
                let up = src.advanced(by: (y + r - 1) * stride).assumingMemoryBound(to: UInt32.self)
                for x in 0..<w {
                    let px = row[x], pv = up[x]
                    o[0] = UInt8(truncatingIfNeeded: px >> 16) &- UInt8(truncatingIfNeeded: pv >> 16)
                    o[1] = UInt8(truncatingIfNeeded: px >> 8) &- UInt8(truncatingIfNeeded: pv >> 8)
                    o[2] = UInt8(truncatingIfNeeded: px) &- UInt8(truncatingIfNeeded: pv)
                    o += 3
                }
            }
        }
        y += max(n, 0)
        stream.next_in = rowsBuf
        stream.avail_in = uInt(max(n, 0) * rowBytes)
        let flush = y >= h ? Z_FINISH : Z_NO_FLUSH
        repeat {
            stream.next_out = outBuf
            stream.avail_out = uInt(outSize)
            status = deflate(&stream, flush)
            if status == Z_STREAM_ERROR { return nil }
            compressed.append(contentsOf: UnsafeBufferPointer(start: outBuf, count: outSize - Int(stream.avail_out)))
        } while stream.avail_out == 0 || (flush == Z_FINISH && status != Z_STREAM_END)
        if flush == Z_FINISH { break }
    }
    guard status == Z_STREAM_END else { return nil }

    var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    func be32(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)] }
    func chunk(_ type: String, _ body: [UInt8]) {
        let typeBytes = Array(type.utf8)
        png += be32(UInt32(body.count))
        let crcInput = typeBytes + body
        let crc = crcInput.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
        png += crcInput
        png += be32(UInt32(crc & 0xFFFF_FFFF))
    }
    chunk("IHDR", be32(UInt32(w)) + be32(UInt32(h)) + [8, 2, 0, 0, 0])  // 8-bit RGB, no interlace
    chunk("IDAT", compressed)
    chunk("IEND", [])
    return png
}
