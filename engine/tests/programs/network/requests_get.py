import requests

r = requests.get("http://example.com/")
print(r.status_code, r.ok, r.reason)
print(r.headers["content-type"])
print(r.text)
print(r)
