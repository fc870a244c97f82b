import requests

r = requests.head("http://httpbin.org/bytes/50")
print(r.status_code, r.content, r.headers["Content-Length"])
r = requests.delete("http://httpbin.org/delete")
print(r.status_code, r.json()["data"])
r = requests.put("http://httpbin.org/put", data="payload")
print(r.json()["data"])
r = requests.get("http://httpbin.org/post")
print(r.status_code)
