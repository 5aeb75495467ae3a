// What the recorder tells apart besides running, waiting and I/O, against real CPython: C code
// that released the GIL, a blocked Lock, a blocked queue get, an event loop's selector waits, and
// the processes of a spawn pool and of a fork. Interpreters that are not installed are skipped.
#include "python/equivalentscenario.h"
#include "recordersupport.h"

#include <array>

using namespace gilscope;
using namespace gilscope::test;

namespace {

core::TimeNs timeIn(const core::Trace &trace, const core::ThreadTrack &row,
                    core::ThreadState state) {
    core::TimeNs total = 0;
    for (std::size_t i = 0; i < row.segmentCount(); ++i)
        if (row.segmentState[i] == state)
            total += row.segmentEnd(i, trace.endNs) - row.segmentStart[i];
    return total;
}

constexpr core::TimeNs kMs = 1'000'000;

// Records `script` (written into a temporary directory) with `py`; the trace must load.
Recording recordScript(const Python &py, const char *script, const QTemporaryDir &dir,
                       const QStringList &args = {}) {
    const QString path = writeScript(dir, "script.py", script);
    Recording r = record(py, path, args, 0, dir);
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    INFO(r.load.error());
    REQUIRE(r.load.ok());
    return r;
}

const core::ThreadTrack &requireRow(const core::Trace &trace, const std::string &name) {
    const core::ThreadTrack *found = row(trace, name);
    INFO("row " << name);
    REQUIRE(found != nullptr);
    return *found;
}

} // namespace

TEST_CASE("recorded: a thread hashing large buffers is in C code without the GIL, not running") {
    // update() releases the GIL for 2 KiB or more on every version (2.7's constructor keeps it).
    const char *script = R"py(
import hashlib, threading
data = b"x" * (8 * 1024 * 1024)
def hasher():
    for _ in range(6):
        h = hashlib.sha256()
        h.update(data)
        h.hexdigest()
t = threading.Thread(target=hasher, name="hasher")
t.start()
t.join()
)py";
    for (const Python &py : onePythonOfEachKind()) {
        INFO("Python " << py.version().toStdString());
        QTemporaryDir dir;
        const Recording r = recordScript(py, script, dir);
        const auto &hasher = requireRow(r.trace(), "hasher");
        const core::TimeNs native = timeIn(r.trace(), hasher, core::ThreadState::Native);
        const core::TimeNs running = timeIn(r.trace(), hasher, core::ThreadState::Running);
        CHECK(native > 10 * kMs);
        CHECK(native > 5 * running);
        // ... and the equivalent scenario hashes in native steps, one a call (a first call may
        // take OpenSSL's set-up long enough to count as one more).
        const core::Scenario s = core::equivalentScenario(r.trace());
        bool nativeStep = false;
        for (const auto &g : s.workers)
            for (const auto &step : g.steps)
                nativeStep = nativeStep || (g.name == "hasher" && (g.ops == 6 || g.ops == 7) &&
                                            step.kind == core::StepKind::Native);
        CHECK(nativeStep);
    }
}

TEST_CASE("recorded: a blocked Lock acquire is a lock wait, a blocked queue get a queue wait") {
    const char *script = R"py(
import threading, time
try:
    import queue
except ImportError:
    import Queue as queue
lock = threading.Lock()
q = queue.Queue()
def locker():
    with lock:
        pass
def getter():
    q.get()
lock.acquire()
threads = [threading.Thread(target=locker, name="locker"),
           threading.Thread(target=getter, name="getter")]
for t in threads:
    t.start()
time.sleep(0.3)
lock.release()
q.put(1)
for t in threads:
    t.join()
)py";
    for (const Python &py : onePythonOfEachKind()) {
        INFO("Python " << py.version().toStdString());
        QTemporaryDir dir;
        const Recording r = recordScript(py, script, dir);
        const auto &locker = requireRow(r.trace(), "locker");
        const auto &getter = requireRow(r.trace(), "getter");
        CHECK(timeIn(r.trace(), locker, core::ThreadState::LockWait) > 200 * kMs);
        CHECK(timeIn(r.trace(), locker, core::ThreadState::Io) == 0);
        CHECK(timeIn(r.trace(), getter, core::ThreadState::QueueWait) > 200 * kMs);
        // The queue's one item, put by the main thread and got by the getter.
        REQUIRE(r.trace().queues.size() == 1);
        CHECK(r.trace().queues[0].putTime.size() == 1);
        CHECK(r.trace().queues[0].getTime.size() == 1);
    }
}

TEST_CASE("recorded: an asyncio loop sleeping waits in its selector, as I/O, and says asyncio") {
    const char *script = R"py(
import asyncio
async def main():
    for _ in range(20):
        await asyncio.sleep(0.01)
loop = asyncio.new_event_loop()
loop.run_until_complete(main())
loop.close()
)py";
    for (const Python &py : onePythonOfEachKind()) {
        if (py.major < 3)
            continue;
        INFO("Python " << py.version().toStdString());
        QTemporaryDir dir;
        const Recording r = recordScript(py, script, dir);
        CHECK(r.trace().executor == "asyncio");
        const auto &main = r.trace().threads.front();
        CHECK(timeIn(r.trace(), main, core::ThreadState::Io) > 150 * kMs);
        const core::Scenario s = core::equivalentScenario(r.trace());
        REQUIRE_FALSE(s.workers.empty());
        CHECK(s.executor == core::Executor::Asyncio);
        CHECK(s.workers.front().kind == core::WorkerKind::Io);
    }
}

TEST_CASE("recorded: a spawn pool's workers and a forked child are rows of other processes") {
    const char *script = R"py(
import multiprocessing, os, sys
def work(n):
    while n > 0:
        n -= 1
    return 1
if __name__ == "__main__":
    if sys.argv[1] == "fork":
        pid = os.fork()
        if pid == 0:
            work(300000)
            os._exit(0)
        os.waitpid(pid, 0)
    else:
        pool = multiprocessing.get_context("spawn").Pool(2)
        print(sum(pool.map(work, [200000] * 4)))
        pool.close()
        pool.join()
)py";
    for (const Python &py : onePythonOfEachKind()) {
        for (const char *how : {"fork", "spawn"}) {
            if (py.major < 3 && std::string(how) == "spawn")
                continue; // 2.7's multiprocessing only forks
            INFO("Python " << py.version().toStdString() << ", " << how);
            QTemporaryDir dir;
            const Recording r = recordScript(py, script, dir, {how});
            int children = 0;
            for (const auto &t : r.trace().threads)
                if (t.info.groupId != 0 && timeIn(r.trace(), t, core::ThreadState::Running) > 0) {
                    ++children;
                    if (std::string(how) == "spawn")
                        CHECK(t.info.name.rfind("SpawnPoolWorker-", 0) == 0);
                }
            CHECK(children == (std::string(how) == "spawn" ? 2 : 1));
            // The equivalent scenario keeps them, as processes.
            const core::Scenario s = core::equivalentScenario(r.trace());
            int processes = 0;
            for (const auto &g : s.workers)
                if (g.executor == core::Executor::Multiprocessing ||
                    (!g.executor && s.executor == core::Executor::Multiprocessing))
                    processes += g.count;
            CHECK(processes >= 1);
        }
    }
}
