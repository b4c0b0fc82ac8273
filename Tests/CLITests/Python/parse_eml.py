# Reads a message with Python's own e-mail package (an independent MIME parser) and prints what
# the Swift tests check, as JSON. Usage: python3 parse_eml.py FILE
import email, email.policy, html as htmllib, json, re, sys

raw = open(sys.argv[1], "rb").read()
msg = email.message_from_bytes(raw, policy=email.policy.default)

def tree(part):
    if part.is_multipart():
        return {"type": part.get_content_type(), "parts": [tree(p) for p in part.iter_parts()]}
    return {"type": part.get_content_type()}

html_part = msg.get_body(preferencelist=("html",))
text_part = msg.get_body(preferencelist=("plain",))
html = html_part.get_content() if html_part else ""
text = text_part.get_content() if text_part else ""
images = {}
for part in msg.walk():
    if part.get_content_maintype() == "image":
        cid = (part["Content-ID"] or "").strip("<>")
        images[cid] = len(part.get_payload(decode=True))

lines = raw.split(b"\r\n")
print(json.dumps({
    "structure": tree(msg),
    "subject": str(msg["Subject"]),
    "from": str(msg["From"]),
    "to": str(msg["To"]) if msg["To"] else None,
    "date": str(msg["Date"]),
    "date_parsed": msg["Date"].datetime.isoformat() if msg["Date"] else None,
    "message_id": str(msg["Message-ID"]),
    "defects": [type(d).__name__ for p in msg.walk() for d in p.defects] + [type(d).__name__ for d in msg.defects],
    "cids_referenced": re.findall(r'src="cid:([^"]+)"', html),
    "image_parts": images,
    "data_uris": len(re.findall(r"data:", html)),
    "hrefs": re.findall(r'href="([^"]*)"', html),
    "html_figures": [htmllib.unescape(s) for s in re.findall(r'font-size:20px;line-height:1.3;font-weight:bold;">([^<]*)</div>', html)],
    "html_deltas": [htmllib.unescape(s) for s in re.findall(r'font-weight:bold;margin-bottom:3px;">([^<]*)</div>', html)],
    "html_changes": [htmllib.unescape(s) for s in re.findall(r'<li style="margin:0 0 6px;">([^<]*)</li>', html)],
    "text": text,
    "longest_line": max(len(l) for l in lines),
    "bare_lf": raw.replace(b"\r\n", b"").count(b"\n"),
    "bare_cr": raw.replace(b"\r\n", b"").count(b"\r"),
    "non_ascii_bytes": sum(1 for b in raw if b >= 0x80),
}, ensure_ascii=False))
