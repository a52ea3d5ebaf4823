import _helper_module
import _helper_module as again
print(_helper_module is again, _helper_module.bump(), again.bump(), _helper_module.counter)
from _helper_module import bump
print(bump(), _helper_module.__name__)
