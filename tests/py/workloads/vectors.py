# A small particle simulation on a Vector class: dunder arithmetic,
# __slots__, properties, class methods, float formatting.
import math

class Vector:
    __slots__ = ("x", "y", "z")

    def __init__(self, x=0.0, y=0.0, z=0.0):
        self.x = x
        self.y = y
        self.z = z

    @classmethod
    def zero(cls):
        return cls(0.0, 0.0, 0.0)

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y, self.z - other.z)

    def __mul__(self, k):
        return Vector(self.x * k, self.y * k, self.z * k)

    __rmul__ = __mul__

    def __neg__(self):
        return Vector(-self.x, -self.y, -self.z)

    def dot(self, other):
        return self.x * other.x + self.y * other.y + self.z * other.z

    @property
    def length(self):
        return math.sqrt(self.dot(self))

    def __repr__(self):
        return f"Vector({self.x:.4f}, {self.y:.4f}, {self.z:.4f})"

class Particle:
    def __init__(self, position, velocity, mass):
        self.position = position
        self.velocity = velocity
        self.mass = mass

    def step(self, force, dt):
        accel = force * (1.0 / self.mass)
        self.velocity = self.velocity + accel * dt
        self.position = self.position + self.velocity * dt

def gravity_between(a, b):
    d = b.position - a.position
    dist = d.length + 0.01
    return d * (a.mass * b.mass / (dist * dist * dist))

def simulate(particles, steps, dt):
    for _ in range(steps):
        forces = [Vector.zero() for _ in particles]
        for i, a in enumerate(particles):
            for j in range(i + 1, len(particles)):
                f = gravity_between(a, particles[j])
                forces[i] = forces[i] + f
                forces[j] = forces[j] - f
        for p, f in zip(particles, forces):
            p.step(f, dt)

particles = [
    Particle(Vector(math.cos(k * 0.7) * (1 + k), math.sin(k * 0.7) * (1 + k), 0.1 * k),
             Vector(-math.sin(k * 0.7) * 0.3, math.cos(k * 0.7) * 0.3, 0.0),
             1.0 + (k % 3))
    for k in range(8)
]
simulate(particles, 1000, 0.01)
for p in particles:
    print(p.position, round(p.velocity.length, 6))
momentum = Vector.zero()
for p in particles:
    momentum = momentum + p.mass * p.velocity
print("momentum", momentum)
