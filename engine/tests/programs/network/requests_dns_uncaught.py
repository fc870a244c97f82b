import requests

requests.get("http://no-such-host.invalid/path")
