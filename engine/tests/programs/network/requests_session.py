import requests

with requests.Session() as s:
    for path in ["/get", "/json", "/status/204"]:
        r = s.get("http://httpbin.org" + path)
        print(path, r.status_code, len(r.content))
