class Plugin:
    plugins = []
    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        Plugin.plugins.append(name or cls.__name__)

class A(Plugin):
    pass
class B(Plugin, name="bee"):
    pass
print(Plugin.plugins)
