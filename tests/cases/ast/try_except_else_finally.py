try:
    a
except ValueError:
    b
except (TypeError, KeyError) as e:
    c
except:
    d
else:
    e
finally:
    f
