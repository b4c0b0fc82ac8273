import Charts
import Formatting
import Foundation

// Writes gallery.html (every chart type, both locales, standard and narrow sizes) plus every chart's
// SVG and PNG into the folder given as the first argument.
let args = CommandLine.arguments
let outDir = args.count > 1 ? args[1] : "gallery-out"
let fm = FileManager.default
do {
    try fm.createDirectory(atPath: outDir + "/charts", withIntermediateDirectories: true)
} catch {
    print("cannot create \(outDir): \(error)")
    exit(2)
}

func escape(_ s: String) -> String {
    s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
}

func section(_ c: RenderedChart, inline: Bool = true) -> String {
    _ = fm.createFile(atPath: "\(outDir)/charts/\(c.id).svg", contents: Data(c.svg.utf8))
    _ = fm.createFile(atPath: "\(outDir)/charts/\(c.id).png", contents: Data(c.png))
    var h = "<figure>\n" + (inline ? c.svg : "<img src=\"charts/\(c.id).svg\" alt=\"\(escape(c.altText))\">") + "\n"
    h += "<figcaption>\(escape(c.altText))</figcaption>\n<details><summary>Table</summary><table><tr>"
    h += c.table.headers.map { "<th>\(escape($0))</th>" }.joined() + "</tr>\n"
    for r in c.table.rows { h += "<tr>" + r.map { "<td>\(escape($0))</td>" }.joined() + "</tr>\n" }
    h += "</table></details></figure>\n"
    return h
}

var html = """
<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>crm-report chart gallery</title>
<style>
body{font-family:"DejaVu Sans",sans-serif;max-width:960px;margin:0 auto;padding:8px;color:#222}
figure{margin:16px 0;border-bottom:1px solid #eee;padding-bottom:8px}
figure svg, figure img{max-width:100%;height:auto;display:block}
figcaption{font-size:12px;color:#555}
table{font-size:11px;border-collapse:collapse} td,th{border:1px solid #ddd;padding:1px 4px}
.spark{display:inline-block;margin-right:16px} .spark svg{width:120px;height:32px}
.narrow{display:none} @media (max-width:500px){.wide{display:none}.narrow{display:block}}
</style></head><body><h1>Chart gallery</h1>

"""
for locale in ReportLocale.allCases {
    html += "<h2>\(locale.rawValue)</h2>\n<div class=\"wide\">\n"
    for c in Samples.charts(locale: locale) { html += section(c) }
    html += "</div><div class=\"narrow\">\n"
    for c in Samples.charts(locale: locale, size: .narrow) { html += section(c) }
    html += "</div><h3>Sparklines</h3>\n"
    for c in Samples.sparklines(locale: locale) {
        html += "<div class=\"spark\">\(c.svg)<br><small>\(escape(c.altText))</small></div>\n"
        _ = fm.createFile(atPath: "\(outDir)/charts/\(c.id).png", contents: Data(c.png))
    }
}
html += "</body></html>\n"
_ = fm.createFile(atPath: outDir + "/gallery.html", contents: Data(html.utf8))
print("wrote \(outDir)/gallery.html")
