import requests

requests.get("http://httpbin.org/delay/3", timeout=1)
