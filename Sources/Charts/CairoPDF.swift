import CCairo

/// What a PDF says about itself. Every field is set explicitly, dates included: Cairo would
/// otherwise stamp the wall-clock time and two runs would differ.
public struct PDFMetadata: Sendable {
    public var title: String
    public var author: String
    public var subject: String
    public var creator: String
    /// ISO 8601, e.g. "2026-11-23T00:00:00Z": the creation and modification date.
    public var date: String
    public init(title: String, author: String, subject: String, creator: String, date: String) {
        self.title = title; self.author = author; self.subject = subject; self.creator = creator; self.date = date
    }
}

/// One page of a PDF being drawn: a canvas in points (origin top left), and charts placed on it
/// through the same grammar as the SVG and PNG files, so they come out as vectors and their text
/// as selectable text in DejaVu Sans, embedded by Cairo as a subset.
public final class PDFPage {
    let cairo: CairoCanvas
    public var canvas: any Canvas { cairo }

    init(_ cairo: CairoCanvas) { self.cairo = cairo }

    /// Draws `chart` with its top left corner at `origin`, its pixels scaled by `scale` points.
    public func place(_ chart: Chart, at origin: Point, scale: Double) {
        cairo_save(cairo.cr)
        cairo_translate(cairo.cr, origin.x, origin.y)
        cairo_scale(cairo.cr, scale, scale)
        // A chart clips nothing itself; keep a long label from running over the page's next block.
        cairo_rectangle(cairo.cr, 0, 0, Double(chart.size.width), Double(chart.size.height))
        cairo_clip(cairo.cr)
        chart.draw(on: cairo)
        cairo_restore(cairo.cr)
    }
}

/// Draws `pageCount` pages of `width` x `height` points and returns the PDF's bytes
/// (empty if Cairo cannot make the surface).
public func drawPDF(width: Double, height: Double, metadata: PDFMetadata, pageCount: Int,
                    draw: (_ index: Int, PDFPage) -> Void) -> [UInt8] {
    let sink = ByteSink()
    let ctx = Unmanaged.passUnretained(sink).toOpaque()
    guard let surface = cairo_pdf_surface_create_for_stream(writeToSink, ctx, width, height) else { return [] }
    cairo_pdf_surface_restrict_to_version(surface, CAIRO_PDF_VERSION_1_5)
    let fields: [(cairo_pdf_metadata_t, String)] = [
        (CAIRO_PDF_METADATA_TITLE, metadata.title), (CAIRO_PDF_METADATA_AUTHOR, metadata.author),
        (CAIRO_PDF_METADATA_SUBJECT, metadata.subject), (CAIRO_PDF_METADATA_CREATOR, metadata.creator),
        (CAIRO_PDF_METADATA_CREATE_DATE, metadata.date), (CAIRO_PDF_METADATA_MOD_DATE, metadata.date),
    ]
    for (key, value) in fields { value.withCString { cairo_pdf_surface_set_metadata(surface, key, $0) } }
    do {
        let page = PDFPage(CairoCanvas(surface: surface, scale: 1))
        for i in 0..<pageCount {
            draw(i, page)
            cairo_show_page(page.cairo.cr)
        }
        // Finishing writes the trailer into the sink; the canvas then releases the surface.
        cairo_surface_finish(surface)
    }
    return sink.bytes
}

/// A canvas that only measures text, with the same font options (and so the same widths) as a
/// PDF page: for laying pages out before drawing them.
public func measuringCanvas() -> any Canvas {
    guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1) else { return RecordingCanvas() }
    return CairoCanvas(surface: surface, scale: 1)
}
