import requests

r = requests.get("http://httpbin.org/bytes/300")
print(len(r.content), r.content[:5], r.content[-3:])
print(r.headers["Content-Length"], r.headers["content-length"])
chunks = list(r.iter_content(chunk_size=128))
print([len(c) for c in chunks])
