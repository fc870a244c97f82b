import requests

r = requests.post("http://httpbin.org/post", json={"name": "Ada", "langs": ["py", "rs"]})
body = r.json()
print(r.status_code, body["json"])
print(body["data"])
r = requests.post("http://httpbin.org/post", data={"a": "1", "b": "two words"})
print(r.json()["data"])
