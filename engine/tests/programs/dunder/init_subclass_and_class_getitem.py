class Plugin:
    registry = []

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        Plugin.registry.append(cls.__name__)

class Alpha(Plugin):
    pass

class Beta(Plugin):
    pass

print(Plugin.registry)
print(list[int], dict[str, list[int]])
