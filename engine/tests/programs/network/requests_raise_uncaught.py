import requests

requests.get("http://httpbin.org/status/404").raise_for_status()
