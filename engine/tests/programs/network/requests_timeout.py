import requests

try:
    requests.get("http://httpbin.org/delay/2", timeout=0.5)
except requests.exceptions.Timeout as e:
    print(type(e).__name__, isinstance(e, requests.exceptions.ReadTimeout))
    print(e)
r = requests.get("http://httpbin.org/delay/1", timeout=5)
print(r.status_code, r.json()["url"])
