# A cooperative task scheduler in the style of the Richards benchmark:
# classes with inheritance, method calls through base classes, attribute
# reads and writes, linked queues, super().

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)

class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * 4

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        p = queue
        while p.link is not None:
            p = p.link
        p.link = self
        return queue

class Task:
    def __init__(self, ident, priority, queue, scheduler):
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.scheduler = scheduler
        self.held = False
        self.waiting = queue is not None
        self.runs = 0

    def runnable(self):
        return not self.held and (self.queue is not None or not self.waiting)

    def take_packet(self):
        p = self.queue
        if p is not None:
            self.queue = p.link
            p.link = None
        return p

    def run(self, packet):
        self.runs += 1
        return self.work(packet)

    def work(self, packet):
        raise NotImplementedError

class IdleTask(Task):
    def __init__(self, ident, scheduler, count):
        super().__init__(ident, 0, None, scheduler)
        self.control = 1
        self.count = count

    def work(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.scheduler.hold()
        if self.control & 1 == 0:
            self.control //= 2
            return self.scheduler.release(DEVICE_A)
        self.control = (self.control // 2) ^ 0xD008
        return self.scheduler.release(DEVICE_B)

class WorkerTask(Task):
    def __init__(self, ident, queue, scheduler):
        super().__init__(ident, 1000, queue, scheduler)
        self.destination = HANDLER_A
        self.count = 0

    def work(self, packet):
        if packet is None:
            return self.scheduler.wait()
        self.destination = HANDLER_B if self.destination == HANDLER_A else HANDLER_A
        packet.ident = self.destination
        packet.datum = 0
        for i in range(4):
            self.count += 1
            if self.count > 26:
                self.count = 1
            packet.data[i] = 64 + self.count
        return self.scheduler.queue_packet(packet)

class HandlerTask(Task):
    def __init__(self, ident, priority, queue, scheduler):
        super().__init__(ident, priority, queue, scheduler)
        self.work_in = None
        self.device_in = None

    def work(self, packet):
        if packet is not None:
            if packet.kind == 1:
                self.work_in = packet.append_to(self.work_in)
            else:
                self.device_in = packet.append_to(self.device_in)
        if self.work_in is not None:
            w = self.work_in
            count = w.datum
            if count < 4:
                if self.device_in is not None:
                    d = self.device_in
                    self.device_in = d.link
                    d.datum = w.data[count]
                    w.datum = count + 1
                    return self.scheduler.queue_packet(d)
            else:
                self.work_in = w.link
                return self.scheduler.queue_packet(w)
        return self.scheduler.wait()

class DeviceTask(Task):
    def __init__(self, ident, priority, scheduler):
        super().__init__(ident, priority, None, scheduler)
        self.pending = None

    def work(self, packet):
        if packet is None:
            if self.pending is None:
                return self.scheduler.wait()
            p, self.pending = self.pending, None
            return self.scheduler.queue_packet(p)
        self.pending = packet
        return self.scheduler.hold()

class Scheduler:
    def __init__(self):
        self.tasks = {}
        self.current = None
        self.queued = 0
        self.held = 0

    def add(self, task):
        self.tasks[task.ident] = task

    def ordered(self):
        return sorted(self.tasks.values(), key=lambda t: -t.priority)

    def release(self, ident):
        t = self.tasks[ident]
        t.held = False
        return t if t.priority > self.current.priority else self.current

    def hold(self):
        self.held += 1
        self.current.held = True
        return None

    def wait(self):
        self.current.waiting = True
        return None

    def queue_packet(self, packet):
        t = self.tasks.get(packet.ident)
        if t is None:
            return None
        self.queued += 1
        packet.link = None
        packet.ident = self.current.ident
        t.queue = packet.append_to(t.queue)
        t.waiting = False
        return t if t.priority > self.current.priority else self.current

    def schedule(self):
        order = self.ordered()
        steps = 0
        while True:
            task = next((t for t in order if t.runnable()), None)
            if task is None:
                return steps
            self.current = task
            task.waiting = False
            packet = task.take_packet()
            task.run(packet)
            steps += 1

def build(count):
    s = Scheduler()
    s.add(IdleTask(IDLE, s, count))
    wq = Packet(None, 0, 1).append_to(None)
    wq = Packet(None, 0, 1).append_to(wq)
    s.add(WorkerTask(WORKER, wq, s))
    for handler, device, prio in ((HANDLER_A, DEVICE_A, 2000), (HANDLER_B, DEVICE_B, 3000)):
        q = None
        for _ in range(3):
            q = Packet(None, device, 0).append_to(q)
        s.add(HandlerTask(handler, prio, q, s))
    s.add(DeviceTask(DEVICE_A, 4000, s))
    s.add(DeviceTask(DEVICE_B, 5000, s))
    return s

for count in (100, 1000, 6000):
    s = build(count)
    steps = s.schedule()
    print(count, steps, s.queued, s.held, [t.runs for t in s.ordered()])
