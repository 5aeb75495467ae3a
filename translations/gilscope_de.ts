<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/compare/advisorpanel.cpp" line="+46"/>
        <location filename="../core/scenario/scenariolabels.cpp" line="+12"/>
        <source>3.2+ GIL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../core/scenario/scenariolabels.cpp" line="+2"/>
        <source>free-threaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>legacy GIL (for comparison, never advised)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>on a standard build (3.2+ GIL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>on a free-threaded build (3.13t+)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>under the legacy GIL (2.x)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/compare/comparemetrics.cpp" line="+20"/>
        <location filename="../ui/window/metricspanel.cpp" line="+19"/>
        <source>%1 /s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <location filename="../ui/compare/sweeppanel.cpp" line="+49"/>
        <source>Makespan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Speed-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Work (one thread)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GIL switches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed wake-ups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>GIL hold p50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>I/O latency p50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../ui/compare/sweeppanel.cpp" line="+4"/>
        <source>I/O latency p99</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>I/O throughput</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/compare/compareview.cpp" line="+64"/>
        <source>1 core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>B does %1× A&apos;s work in %2× the time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>B finishes %1× faster than A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>B takes %1× as long as A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A and B take the same time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>; its I/O p99 is %1× A&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+561"/>
        <source>B / A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Green: B is better; red: B is worse. Both timelines share one time axis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+50"/>
        <source>A (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>B (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/compare/sweeppanel.cpp" line="-2"/>
        <source>Speed-up against one thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <location filename="../ui/timeline/timelineview.cpp" line="+46"/>
        <source>CPU-bound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../ui/timeline/timelineview.cpp" line="+2"/>
        <source>I/O-bound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 coroutines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../ui/play/stagepainter.cpp" line="+263"/>
        <location filename="../core/scenario/scenariotitle.cpp" line="+76"/>
        <location line="+50"/>
        <source>cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>switch interval (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>free-threaded slowdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/export/timelineexporter.cpp" line="+157"/>
        <source>failed wake-up (first)</source>
        <translation type="unfinished">vergebliches Aufwachen (erstes)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed wake-up (again)</source>
        <translation type="unfinished">vergebliches Aufwachen (erneut)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../ui/play/stagepainter.cpp" line="-186"/>
        <location filename="../ui/slide/timelinetheme.cpp" line="+183"/>
        <source>drop request</source>
        <translation type="unfinished">Abgabe-Anforderung</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../ui/play/stagepainter.cpp" line="+3"/>
        <location filename="../ui/slide/timelinetheme.cpp" line="+2"/>
        <source>forced hand-off</source>
        <translation type="unfinished">erzwungene Übergabe</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cores busy</source>
        <translation type="unfinished">belegte Kerne</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>%1 must be between %2 and %3 pixels (smaller makes the labels unreadable), got %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>scale must be a whole number from 1 to %1, got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>width x scale must be at most %1 pixels, got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>height x scale must be at most %1 pixels, got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../ui/video/videoexport.cpp" line="+91"/>
        <source>the time range must end after it starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no rows to draw: show at least one thread row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>makespan %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>speed-up %1× against one thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 GIL switches/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 failed wake-ups/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>I/O latency p50 %1, p99 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <location filename="../ui/record/recordedrun.cpp" line="+18"/>
        <source>time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../ui/record/recordedrun.cpp" line="+0"/>
        <source>simulated time</source>
        <translation type="unfinished">simulierte Zeit</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>an image of %1 x %2 pixels is too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>cannot encode the PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cannot start the SVG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>cannot start the PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+52"/>
        <location filename="../ui/video/videoexporter.cpp" line="+26"/>
        <source>%1: the extension does not match the format (.%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: unknown image format: use .png, .svg or .pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../ui/video/videoexporter.cpp" line="+9"/>
        <source>%1: cannot write: the folder does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/lessons/gallerypage.cpp" line="+35"/>
        <source>makespan &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>speed-up &lt;b&gt;%1×&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>I/O p99 &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;%1&lt;/b&gt; failed wake-ups/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>GIL held &lt;b&gt;%1&lt;/b&gt; a turn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/lessons/lessonscatalog.cpp" line="+32"/>
        <source>2 threads took 15.4 s against 7.8 s sequential: about 2× slower</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>4 threads took 15.7 s against 7.8 s sequential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>one core: 2 threads about 11.3 s against 7.8 s (1.45×)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>new GIL, 2 threads: +3.5 % against sequential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>new GIL, 4 threads: +7 % against sequential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>6.52 / 6.57 / 6.59 / 6.58 s for 1 / 2 / 4 / 8 threads: flat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>10 µs interval: 4 threads took 19.15 s instead of 6.59 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>echo server: ~30k requests/s alone, ~100/s beside one CPU thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>echo server: ~50 requests/s beside 2 CPU threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>echo server: ~30 requests/s beside 4 CPU threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>echo server: ~20k requests/s with the CPU work in another process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>5 / 50 / 100 / 500 / 3.2k requests/s at 100 / 10 / 5 / 1 / 0.1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>about 40 % single-thread slowdown without the GIL in 3.13t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>5–10 % single-thread slowdown in 3.14t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>process start: fork ~1.5 ms, forkserver ~10 ms, spawn ~35 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>typical Linux measurements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Python 2&apos;s GIL: the battle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The 3.2+ GIL: taking turns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The convoy effect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Processes, subinterpreters, asyncio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No GIL: free-threaded builds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Every 100 ticks the holder lets go and grabs the GIL straight back; a rival woken on another core finds it taken again. Two threads end up slower than one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Since 3.2 a waiter asks for the GIL after a 5 ms switch interval and the holder hands it over: no battle, no speed-up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An I/O thread returning from a blocking call waits up to a switch interval behind CPU-bound threads, on every call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>One GIL each (processes, subinterpreters) runs CPU-bound work in parallel; one event loop overlaps waits but stalls on CPU bursts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Without a GIL threads run in parallel, each a little slower than on a standard build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+52"/>
        <source>%n coroutine(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n thread(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n worker(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n core(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/record/recorddialog.cpp" line="+73"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/record/recordedrun.cpp" line="-7"/>
        <source>Trace — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recorded — Python %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Simulated equivalent</source>
        <translation type="unfinished">Simulierte Entsprechung</translation>
    </message>
    <message>
        <location filename="../ui/slide/timelinetheme.cpp" line="-34"/>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>waiting for the GIL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ready, no free core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>blocking I/O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>waiting for a lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>GIL requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GIL acquired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GIL released</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/play/stagepainter.cpp" line="-6"/>
        <location filename="../ui/slide/timelinetheme.cpp" line="+2"/>
        <source>failed wake-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>I/O done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+44"/>
        <source>the GIL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>no GIL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>t = %1</source>
        <translation type="unfinished">t = %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>GIL free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nobody waits</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n waiting</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+44"/>
        <source>GIL</source>
        <translation type="unfinished">GIL</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>+%1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/slide/timelinetheme.cpp" line="+2"/>
        <source>repeated failed wake-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>wait timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>signal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>I/O begins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>I/O ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>asked for the GIL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>took the GIL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>gave the GIL up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>woken up, found the GIL taken again, went back to sleep (first time in this wait)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>woken up and lost the GIL again, within the same wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>waited a whole switch interval and asked the holder to drop the GIL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>dropped the GIL on request; waits until another thread has taken it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a timed wait for the GIL expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a release woke a waiting thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a blocking call started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a blocking call returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/timeline/timelinelayout.cpp" line="+32"/>
        <source>GIL holder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GIL %1 holder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cores busy / %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>group %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/timeline/timelineview.cpp" line="+2"/>
        <source>mixed CPU and I/O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/scenario/scenariolabels.cpp" line="-4"/>
        <source>legacy GIL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>threading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>multiprocessing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>asyncio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>subinterpreters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/scenario/scenariotitle.cpp" line="-70"/>
        <source>thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>threads</source>
        <translation type="unfinished">Threads</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>CPU %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>I/O %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>mixed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, %2: %3 on %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+50"/>
        <source>core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-45"/>
        <source>, %1 ms switch interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, check interval %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+40"/>
        <source>%1   ·   %2, %3, %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/play/playstories.cpp" line="+17"/>
        <source>Play the battle at 20 ms: every check wakes the other thread, which finds the GIL taken again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Play one request: the I/O thread&apos;s data is there, and it waits a whole switch interval for the GIL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/video/ffmpegencoder.cpp" line="+21"/>
        <source>ffmpeg is not installed (not found on PATH): videos (.mp4, .webm, .gif) are encoded by ffmpeg; install it, e.g. sudo apt-get install ffmpeg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+69"/>
        <source>cannot start ffmpeg (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>ffmpeg stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>ffmpeg failed (exit %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/video/videoexport.cpp" line="-27"/>
        <source>width must be between %1 and %2 pixels for a video, got %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>height must be between %1 and %2 pixels for a video, got %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>width and height must be even for .%1, got %2x%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>duration must be between %1 and %2 seconds, got %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>fps must be between %1 and %2, got %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/video/videoexporter.cpp" line="-7"/>
        <source>%1: unknown video format: use .mp4, .webm or .gif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: nothing to draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: cannot write a video over something that is not a regular file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: cannot write: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1: cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: cannot replace the file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../ui/record/recorddialog.cpp" line="-31"/>
        <source>&amp;Countdown, 2 threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Beazley&apos;s countdown split over two CPU-bound threads: on the 3.2+ GIL they take turns every switch interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Echo convoy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An echo server thread beside a CPU-bound thread: after every blocking call it waits a switch interval for the GIL (the convoy effect)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Sleep / CPU mix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A thread that sleeps between short bursts of work, beside a CPU-bound one: each sleep returns late by the wait for the GIL</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gilscope::ui::AdvisorPanel</name>
    <message>
        <location filename="../ui/compare/advisorpanel.cpp" line="+49"/>
        <source>I/O latency p99 (shorter is better)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Makespan (shorter is better)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Advisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Simulates this workload with every executor on every interpreter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+37"/>
        <source>simulating %1 runs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+42"/>
        <source>No fit: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Best fit: %1 %2 — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Best fit: &lt;b&gt;%1&lt;/b&gt; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&lt;br&gt;&lt;b&gt;But&lt;/b&gt; its I/O waits %1 (p99) against %2 with %3 %4: see the latency chart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;br&gt;&lt;span style=&quot;color:gray&quot;&gt;Click a bar to open that run&apos;s timeline.&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+87"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>★ best fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>◀ shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>from I/O completion to running again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>until every worker is done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>This workload does no I/O</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gilscope::ui::AttachDialog</name>
    <message>
        <location filename="../ui/record/attachdialog.cpp" line="+26"/>
        <source>Attach to Process — GIL Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Samples a running Python program from /proc without changing or slowing it: each thread&apos;s running, waiting for the GIL, waiting for a lock and blocking I/O.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>PID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Command line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Stop after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop is pressed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Follow: the timeline grows as it samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Attach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>No Python process is running that this user can see.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Sampling process %1 at %2 Hz…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>pid %1 (live)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Sampled process %1 %2 times in %3 s%4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>; it ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trace: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gilscope::ui::CompareView</name>
    <message>
        <location filename="../ui/compare/compareview.cpp" line="-653"/>
        <source>Swap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export Image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Compare Scenarios — GIL Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Put B on top and A below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save both timelines and the figures as one PNG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>B / A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+53"/>
        <source>B cannot run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A cannot run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The window&apos;s scenario: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open a scenario file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Simulating B…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Simulating A…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Open Scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scenarios (*.json);;All files (*)</source>
        <translation type="unfinished">Szenarien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>File: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Simulating…</source>
        <translation type="unfinished">Simuliere…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>B is better here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>B is worse here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+219"/>
        <source>Both runs must be finished first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: cannot write the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export Comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot export</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gilscope::ui::ControlsPanel</name>
    <message>
        <location filename="../ui/window/controlspanel.cpp" line="+57"/>
        <source>%1 ticks</source>
        <translation>%1 Ticks</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>CPU-bound:</source>
        <translation>CPU-lastig:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CPU-bound threads</source>
        <translation>CPU-lastige Threads</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Threads that only compute</source>
        <translation>Threads, die nur rechnen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>I/O-bound:</source>
        <translation>E/A-lastig:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>I/O-bound threads</source>
        <translation>E/A-lastige Threads</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Threads that alternate a short computation with a blocking call</source>
        <translation>Threads, die abwechselnd kurz rechnen und blockierend warten</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>CPU burst:</source>
        <translation>CPU-Phase:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CPU burst</source>
        <translation>CPU-Phase</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU time of each CPU-bound thread</source>
        <translation>CPU-Zeit jedes CPU-lastigen Threads</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>I/O wait:</source>
        <translation>E/A-Wartezeit:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>I/O wait</source>
        <translation>E/A-Wartezeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length of each blocking call of the I/O-bound threads</source>
        <translation>Dauer jedes blockierenden Aufrufs der E/A-lastigen Threads</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cores:</source>
        <translation>Kerne:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cores</source>
        <translation>Kerne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU cores of the machine</source>
        <translation>CPU-Kerne der Maschine</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Switch interval:</source>
        <translation>Umschaltintervall:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Switch interval</source>
        <translation>Umschaltintervall</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sys.setswitchinterval(): how long a waiter waits before it asks the holder to drop the GIL (3.2+)</source>
        <translation>sys.setswitchinterval(): wie lange ein wartender Thread wartet, bevor er den Inhaber bittet, den GIL abzugeben (3.2+)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Check interval:</source>
        <translation>Prüfintervall:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check interval</source>
        <translation>Prüfintervall</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sys.setcheckinterval(): ticks between the legacy GIL&apos;s release-and-reacquire checks</source>
        <translation>sys.setcheckinterval(): Ticks zwischen den Freigabe-und-Wiedererwerb-Prüfungen des alten GIL</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Machine and GIL</source>
        <translation>Maschine und GIL</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Simulation error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Scenario controls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Scenario</source>
        <translation>Szenario</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Custom</source>
        <translation>Eigenes</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Scenarios that reproduce published results (R1–R9) and classic effects</source>
        <translation>Szenarien, die veröffentlichte Ergebnisse (R1–R9) und klassische Effekte nachstellen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Preset:</source>
        <translation>&amp;Vorlage:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preset</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>3.2+ GIL (switch interval)</source>
        <translation>3.2+-GIL (Umschaltintervall)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>legacy GIL (2.x, check interval)</source>
        <translation>alter GIL (2.x, Prüfintervall)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>free-threaded (3.13t, 3.14t)</source>
        <translation>ohne GIL (3.13t, 3.14t)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Interpreter:</source>
        <translation>&amp;Interpreter:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interpreter</source>
        <translation>Interpreter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which GIL rules the simulated Python follows</source>
        <translation>Nach welchen GIL-Regeln das simulierte Python arbeitet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>threading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>multiprocessing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>asyncio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>subinterpreters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Executor:</source>
        <translation>&amp;Ausführung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Executor</source>
        <translation>Ausführung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How the workers run: threads, processes, asyncio tasks or subinterpreters</source>
        <translation>Wie die Arbeiter laufen: Threads, Prozesse, asyncio-Tasks oder Subinterpreter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Seed of the simulated OS&apos;s random choices (wake-up latencies, jitter)</source>
        <translation>Startwert der Zufallsentscheidungen des simulierten Betriebssystems (Aufwachlatenzen, Jitter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>See&amp;d:</source>
        <translation>Start&amp;wert:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Costs of the CPU, kernel and Python build: the model&apos;s defaults, or a profile measured with gilscope calibrate</source>
        <translation>Kosten von CPU, Kernel und Python-Build: die Vorgaben des Modells oder ein mit gilscope calibrate gemessenes Profil</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Machine:</source>
        <translation>&amp;Maschine:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Machine</source>
        <translation>Maschine</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>model defaults</source>
        <translation>Modellvorgaben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The costs of a typical current x86 Linux machine</source>
        <translation>Die Kosten einer typischen aktuellen x86-Linux-Maschine</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>&lt;b&gt;Cannot simulate:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Simulation nicht möglich:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 × %2: %3 CPU</source>
        <translation>%1 × %2: %3 CPU</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 × %2: %3 × (%4 CPU + %5 I/O)</source>
        <translation>%1 × %2: %3 × (%4 CPU + %5 E/A)</translation>
    </message>
</context>
<context>
    <name>gilscope::ui::ExportDialog</name>
    <message>
        <location filename="../ui/export/exportdialog.cpp" line="+67"/>
        <location line="+384"/>
        <source>Export Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-371"/>
        <source>PNG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SVG drawing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1920 × 1080 (Full HD slide, 16:9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1280 × 720 (HD slide, 16:9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1024 × 768 (projector, 4:3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom</source>
        <translation type="unfinished">Eigenes</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Light slide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark slide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As on screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Legend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Axis label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GIL holder lane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cores lane</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Annotations (%n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The run&apos;s figures under the chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The callouts added with right-click → Annotate on the chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A line of your own under the chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>S&amp;cale:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Colours:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ca&amp;ption:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Range:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ro&amp;ws:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Copy to &amp;Clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+44"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A time with its unit: 20 ms, 20500 us, 1.2 s (as gilscope --range)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Visible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The range the chart shows in the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Whole run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Untick a row to leave it out; drag rows or use the arrows to reorder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Range: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Range: starts at %1, after the run ends at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 × %2 pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>vector, %1 × %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+98"/>
        <source>%1 files (*.%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot copy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gilscope::ui::GalleryCard</name>
    <message>
        <location filename="../ui/lessons/gallerycard.cpp" line="+27"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reproduces published result %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>simulating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open this preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&lt;b&gt;Published:&lt;/b&gt; %1&lt;br&gt;&lt;i&gt;%2&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Compare…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare with %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Side by side with “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Load this preset into the timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Compare “%1” with “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeline of “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+38"/>
        <source>cannot simulate: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gilscope::ui::GalleryPage</name>
    <message>
        <location filename="../ui/lessons/gallerypage.cpp" line="+10"/>
        <source>Back to the Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show at startup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Lessons: how Python schedules threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Each preset reproduces a measurement of real CPython. Open one to see its timeline: &lt;b&gt;green&lt;/b&gt; running, &lt;b&gt;pale&lt;/b&gt; waiting for the GIL, &lt;b&gt;grey&lt;/b&gt; blocking I/O; yellow and red ticks are wake-ups that found the GIL taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Some presets could not be loaded:&lt;br&gt;%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gilscope::ui::LabeledSlider</name>
    <message>
        <location filename="../ui/widgets/labeledslider.cpp" line="+99"/>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
</context>
<context>
    <name>gilscope::ui::Lessons</name>
    <message>
        <location filename="../ui/lessons/lessons.cpp" line="+58"/>
        <source>&amp;Lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Advisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Preset &amp;Gallery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Every preset with what to look for and the figure it reproduces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;Preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Compare Scenarios…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Two runs stacked on one time axis, with their figures side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Advisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This workload under every executor and interpreter: which fits best?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;weep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Makespan, speed-up and I/O latency against thread count or switch interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show Gallery at &amp;Startup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+168"/>
        <source>The window&apos;s scenario on the %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gilscope::ui::MainWindow</name>
    <message>
        <location filename="../ui/window/mainwindow.cpp" line="+126"/>
        <source>Save Scenario</source>
        <translation>Szenario speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scenarios (*.json);;All files (*)</source>
        <translation>Szenarien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name the Scenario</source>
        <translation>Szenario benennen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This scenario is no longer the preset it started from. Save it as:</source>
        <translation>Dieses Szenario ist nicht mehr die Vorlage, von der es ausging. Speichern als:</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Controls</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Metrics</source>
        <translation>Kennzahlen</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Simulate the Scenario Again</source>
        <translation>Szenario erneut simulieren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Compare with Simulation</source>
        <translation>Mit Simulation vergleichen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This trace above a simulation of the same threads, interpreter and cores, with their figures side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open…</source>
        <translation>&amp;Öffnen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open a scenario or a trace (JSON)</source>
        <translation>Ein Szenario oder einen Trace öffnen (JSON)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Re&amp;cord Python Script…</source>
        <translation>Python-Skript auf&amp;zeichnen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Run a Python script under the recorder and show its threads</source>
        <translation>Ein Python-Skript unter dem Rekorder ausführen und seine Threads zeigen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A&amp;ttach to Process…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sample a running Python program from /proc, without slowing it, and watch its threads live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Save Scenario</source>
        <translation>Szenario &amp;speichern</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save Scenario &amp;As…</source>
        <translation>Szenario speichern &amp;unter…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Export Image…</source>
        <translation>Bild &amp;exportieren…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export &amp;Trace…</source>
        <translation>&amp;Trace exportieren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The trace on screen as Chrome trace JSON (Perfetto) or CSV</source>
        <translation>Den angezeigten Trace als Chrome-Trace-JSON (Perfetto) oder CSV</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show &amp;GIL Holder Lane</source>
        <translation>&amp;GIL-Inhaber-Spur zeigen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show &amp;Cores Lane</source>
        <translation>&amp;Kerne-Spur zeigen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Full Screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Simulation</source>
        <translation>&amp;Simulation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Run Again</source>
        <translation>&amp;Erneut ausführen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Compare with Simulation</source>
        <translation>Mit Simulation &amp;vergleichen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The trace shown above a simulation of its equivalent scenario (same threads, interpreter, cores and switch interval)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reading the Timeline</source>
        <translation>Die Zeitleiste &amp;lesen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;About GIL Scope</source>
        <translation>&amp;Über GIL Scope</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Co&amp;lours</source>
        <translation>&amp;Farben</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Follow the &amp;Desktop</source>
        <translation>Wie der &amp;Desktop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reading the Timeline</source>
        <translation>Die Zeitleiste lesen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;One row per thread, time left to right, as in David Beazley&apos;s GIL charts.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Green&lt;/b&gt;: running Python code (holds the GIL). &lt;b&gt;Pale&lt;/b&gt;: waiting for the GIL. &lt;b&gt;Grey&lt;/b&gt;: blocking I/O, GIL released. &lt;b&gt;Lavender&lt;/b&gt;: runnable, no free core. &lt;b&gt;Blue&lt;/b&gt;: starting.&lt;/p&gt;&lt;p&gt;Thin lines: a &lt;b&gt;yellow&lt;/b&gt; line is the first wake-up that found the GIL taken, &lt;b&gt;red&lt;/b&gt; lines each further one in the same wait. Drop requests hang from the top of a row, forced hand-offs stand on its bottom.&lt;/p&gt;&lt;p&gt;Where many events share a pixel, every state keeps its share of the pixel columns: a thread that runs 30 % of the time is green in 30 % of them. Hover a row to see the mix.&lt;/p&gt;&lt;p&gt;Mouse wheel: zoom around the cursor. Drag: pan. Right-drag or Shift-drag: zoom to a range. Double-click: zoom in. Home: whole run. Backspace: back.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>About GIL Scope</source>
        <translation>Über GIL Scope</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;GIL Scope&lt;/b&gt; %1&lt;p&gt;Simulates how Python threads are scheduled under the GIL and draws per-thread timelines.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(version unknown)</source>
        <translation>(Version unbekannt)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Segments and marks in the trace</source>
        <translation>Abschnitte und Markierungen im Trace</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Simulated time until every thread is done</source>
        <translation>Simulierte Zeit, bis jeder Thread fertig ist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wall-clock time to simulate and prepare the trace</source>
        <translation>Echtzeit für Simulation und Aufbereitung des Traces</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>recorded</source>
        <translation>aufgezeichnet</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1   ·   %2, %n core(s)   ·   %3</source>
        <translation>
            <numerusform>%1   ·   %2, %n Kern   ·   %3</numerusform>
            <numerusform>%1   ·   %2, %n Kerne   ·   %3</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;Showing the trace %1.&lt;/b&gt;&lt;br&gt;The controls shape simulations, not a finished trace: they apply again when you pick a preset, open a scenario or simulate the scenario again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Trace from %1</source>
        <translation>Trace aus %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+354"/>
        <source>%1 events</source>
        <translation>%1 Ereignisse</translation>
    </message>
    <message>
        <location line="-353"/>
        <source>%1 long</source>
        <translation>%1 lang</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>There is no trace to export yet</source>
        <translation>Es gibt noch keinen Trace zum Exportieren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: unknown trace format: use .json (Chrome trace, opens in Perfetto) or .csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Chrome trace JSON, opens in Perfetto (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV, one line per segment (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export Trace</source>
        <translation>Trace exportieren</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cannot export the trace</source>
        <translation>Der Trace kann nicht exportiert werden</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;%1  %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+97"/>
        <source>Cannot open</source>
        <translation>Öffnen nicht möglich</translation>
    </message>
    <message>
        <location line="-90"/>
        <source>&amp;Clear Menu</source>
        <translation>Menü &amp;leeren</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Cannot open the recording</source>
        <translation>Die Aufzeichnung kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 and its Simulation — GIL Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Simulated equivalent</source>
        <translation>Simulierte Entsprechung</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open Scenario or Trace</source>
        <translation>Szenario oder Trace öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scenarios and traces (*.json);;All files (*)</source>
        <translation>Szenarien und Traces (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 (edited)</source>
        <translation>%1 (bearbeitet)</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+23"/>
        <source>Cannot save scenario</source>
        <translation>Szenario kann nicht gespeichert werden</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>simulated %1</source>
        <translation>simuliert %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>computed in %1</source>
        <translation>berechnet in %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot simulate: %1</source>
        <translation>Simulation nicht möglich: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Simulating…</source>
        <translation>Simuliere…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>t = %1</source>
        <translation>t = %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1[*] — GIL Scope</source>
        <translation>%1[*] — GIL Scope</translation>
    </message>
</context>
<context>
    <name>gilscope::ui::MetricsPanel</name>
    <message>
        <location filename="../ui/window/metricspanel.cpp" line="+15"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Makespan:</source>
        <translation>Gesamtdauer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Simulated time until every thread is done</source>
        <translation>Simulierte Zeit, bis jeder Thread fertig ist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speed-up:</source>
        <translation>Beschleunigung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sequential time (one thread doing all the work) divided by the makespan</source>
        <translation>Sequenzielle Zeit (ein Thread erledigt alles) geteilt durch die Gesamtdauer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Events:</source>
        <translation>Ereignisse:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Segments and marks in the trace</source>
        <translation>Abschnitte und Markierungen im Trace</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>GIL</source>
        <translation>GIL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Switches:</source>
        <translation>Wechsel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Times a different thread of the same GIL started running, per simulated second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed acquires:</source>
        <translation>Fehlgeschlagene Übernahmen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wake-ups that found the GIL taken again, per simulated second (Beazley&apos;s yellow and red)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hold time:</source>
        <translation>Haltezeit:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Median and 90th percentile of uninterrupted running stretches</source>
        <translation>Median und 90. Perzentil der ununterbrochenen Laufstrecken</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>I/O</source>
        <translation>E/A</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Latency p50:</source>
        <translation>Latenz p50:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From a blocking call&apos;s completion until its thread runs Python code again (median)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latency p99:</source>
        <translation>Latenz p99:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The same, 99th percentile</source>
        <translation>Dasselbe, 99. Perzentil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Throughput:</source>
        <translation>Durchsatz:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blocking calls completed per simulated second by the I/O-bound threads while the CPU-bound ones ran beside them: the request rate their clients see</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+3"/>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One row per thread: its time running, waiting for the GIL or a core, and in I/O</source>
        <translation>Eine Zeile pro Thread: seine Zeit laufend, wartend auf den GIL oder einen Kern, und in E/A</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>faster than one thread</source>
        <translation>schneller als ein Thread</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>slower than one thread</source>
        <translation>langsamer als ein Thread</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>same as one thread</source>
        <translation>gleich wie ein Thread</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;%1×&lt;/b&gt; &lt;span style=&quot;color:gray&quot;&gt;%2&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sequential %1 / makespan %2</source>
        <translation>Sequenziell %1 / Gesamtdauer %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 switches in all</source>
        <translation>%1 Wechsel insgesamt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 failed acquires in all</source>
        <translation>%1 fehlgeschlagene Übernahmen insgesamt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (p90 %2)</source>
        <translation>%1 (p90 %2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 blocking calls in all; %2 over the whole run</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gilscope::ui::PlayBar</name>
    <message>
        <location filename="../ui/play/playbar.cpp" line="+15"/>
        <location line="+7"/>
        <location line="+70"/>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-74"/>
        <source>Previous Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back to the previous state change or lock event (←)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Play or pause the story from the playhead (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>On to the next state change or lock event (→)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source> Speed </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Simulated time per second of playing, 1 µs/s to 1 s/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Playing speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Follow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scroll the chart with the playhead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+7"/>
        <source>t = %1</source>
        <translation type="unfinished">t = %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gilscope::ui::PlayMode</name>
    <message>
        <location filename="../ui/play/playmode.cpp" line="+23"/>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Play Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A playhead over the timeline, play controls and the scheduler stage</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gilscope::ui::PythonPicker</name>
    <message>
        <location filename="../ui/record/pythonpicker.cpp" line="+33"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The CPython that runs the script: 2.7 or 3.6 and later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use another Python interpreter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Looking for Python interpreters…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>No Python 2.7 or 3.6+ found in pyenv or on PATH: use Browse… to pick one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Checking %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Choose a Python Interpreter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gilscope::ui::RecordDialog</name>
    <message>
        <location filename="../ui/record/recorddialog.cpp" line="+29"/>
        <source>Record a Python Script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Runs a script under GIL Scope&apos;s recorder and shows, thread by thread, when it ran Python code, waited for the GIL and blocked in I/O. Recording slows tight loops down several times; the GIL&apos;s hand-overs keep their timing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The script to run as __main__</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The script&apos;s arguments, quoted as in a shell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Python&apos;s default (5 ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SCRIPT.trace.json beside the script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Scrip&amp;t:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Or try:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Arguments:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;ython:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;witch interval:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trace f&amp;ile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+43"/>
        <source>&amp;Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Open the Trace Anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The script did not finish cleanly: see its output in the Record dialog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1
%2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Choose a Python Script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Python scripts (*.py);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Write the Trace To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trace JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>sys.setswitchinterval() before the script starts: how long a thread may hold the GIL while another waits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Python %1 has no switch interval: its old GIL lets go every 100 ticks (sys.setcheckinterval)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1: no such folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not writable: choose another trace file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is a folder: name a file in it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 exists: a new trace replaces it (a failed recording leaves it as it is)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stops the script as Ctrl-C would; the trace of the run so far is still written and opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose a script to record, or try one of the workloads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: no such script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Still looking for Python interpreters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No Python interpreter chosen: use Browse… beside Python to pick one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name the trace file to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is a folder: name a trace file in it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot write the trace: the folder %1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot write the trace in %1 (%2): choose another trace file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Python %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stopping %1 (interrupted as by Ctrl-C), %2 …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recording %1 with %2 — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot record: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source> The last error line: “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recorded %1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recording of %1 stopped after %2: the trace covers the run until then</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 failed after %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 exited with status %2, so the trace may be incomplete; its output is above.%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No trace after %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancelled: %1 did not stop on the interrupt within %2 s and was killed before the recorder wrote a trace.%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancelled before the recorder wrote a trace.%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No trace was written: %1.%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No trace was written: the recorder exited with status %1.%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gilscope::ui::RecordingRun</name>
    <message>
        <location filename="../ui/record/recordingrun.cpp" line="+179"/>
        <source>%1 stopped abnormally</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cannot run %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gilscope::ui::StageWidget</name>
    <message>
        <location filename="../ui/play/stagewidget.cpp" line="+54"/>
        <source>No run yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gilscope::ui::SweepPanel</name>
    <message>
        <location filename="../ui/compare/sweeppanel.cpp" line="+10"/>
        <source>points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Vary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+125"/>
        <source>simulating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+48"/>
        <source>%n run(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+96"/>
        <source>This workload does no I/O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>ideal: min(threads, cores)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>this scenario: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gilscope::ui::ThreadMetricsModel</name>
    <message>
        <location filename="../ui/window/threadmetricsmodel.cpp" line="+44"/>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2)&lt;br&gt;%3: %4&lt;br&gt;%5: %6&lt;br&gt;%7: %8&lt;br&gt;%9: %10&lt;br&gt;%11: %12</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 %2, %3 %4, %5 %6, %7 %8</source>
        <translation>%1 %2, %3 %4, %5 %6, %7 %8</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Time in each state over the whole run</source>
        <translation>Zeit in jedem Zustand über den ganzen Lauf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share of the run spent running Python code</source>
        <translation>Anteil des Laufs, in dem Python-Code lief</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share spent waiting for the GIL or for a free core</source>
        <translation>Anteil wartend auf den GIL oder einen freien Kern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share spent in blocking calls</source>
        <translation>Anteil in blockierenden Aufrufen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Thread</source>
        <translation>Thread</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time in state</source>
        <translation>Zeit im Zustand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wait</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>I/O</source>
        <translation>E/A</translation>
    </message>
</context>
<context>
    <name>gilscope::ui::TimelinePlottable</name>
    <message>
        <location filename="../ui/timeline/timelineplottable.cpp" line="+35"/>
        <source>threads</source>
        <translation>Threads</translation>
    </message>
</context>
<context>
    <name>gilscope::ui::TimelineView</name>
    <message>
        <location filename="../ui/timeline/timelineview.cpp" line="+36"/>
        <source>Timeline chart</source>
        <translation>Zeitleisten-Diagramm</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>simulated time</source>
        <translation>simulierte Zeit</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>GIL: %1</source>
        <translation>GIL: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GIL: %1, %2, …</source>
        <translation>GIL: %1, %2, …</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>failed wake-up (first)</source>
        <translation>vergebliches Aufwachen (erstes)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed wake-up (again)</source>
        <translation>vergebliches Aufwachen (erneut)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>drop request</source>
        <translation>Abgabe-Anforderung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>forced hand-off</source>
        <translation>erzwungene Übergabe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cores busy</source>
        <translation>belegte Kerne</translation>
    </message>
    <message>
        <location line="+125"/>
        <source>Annotate</source>
        <translation>Anmerken</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A note on %1 at %2, drawn with an arrow on the chart and in exports:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Showing %1 to %2 of a %3 run. Thread rows: %4.</source>
        <translation>Zeigt %1 bis %2 eines Laufs von %3. Thread-Zeilen: %4.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>0 s</source>
        <translation>0 s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No run shown.</source>
        <translation>Kein Lauf angezeigt.</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>&lt;br&gt;GIL %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&lt;br&gt;no GIL</source>
        <translation>&lt;br&gt;kein GIL</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>&lt;br&gt;%1 marks within %2 here:&lt;br&gt;%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;br&gt;no data yet</source>
        <translation>&lt;br&gt;noch keine Daten</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;br&gt;after the end of the run</source>
        <translation>&lt;br&gt;nach dem Ende des Laufs</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>from %1 for %2</source>
        <translation>ab %1 für %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&lt;br&gt;&lt;i&gt;this pixel (%1) folds %2 segments: %3&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>free</source>
        <translation>frei</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>held by &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>gehalten von &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;br&gt;from %1 for %2</source>
        <translation>&lt;br&gt;ab %1 für %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;br&gt;&lt;i&gt;this pixel (%1) folds %2 hand-overs&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;b&gt;cores busy&lt;/b&gt;</source>
        <translation>&lt;b&gt;belegte Kerne&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;br&gt;%1 of %2 cores running Python code</source>
        <translation>&lt;br&gt;%1 von %2 Kernen führen Python-Code aus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;br&gt;&lt;i&gt;mean over this pixel (%1): %2&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+166"/>
        <source>Remove Annotation “%1”</source>
        <translation>Anmerkung „%1“ entfernen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Annotate…</source>
        <translation>Anmerken…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A text callout with an arrow to this moment on %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gilscope::ui::ZoomHistory</name>
    <message>
        <location filename="../ui/timeline/zoomhistory.cpp" line="+11"/>
        <source>Zoom &amp;In</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom to &amp;Fit</source>
        <translation>&amp;Einpassen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Zoom in around the centre (or use the mouse wheel over the timeline)</source>
        <translation>Um die Mitte vergrößern (oder das Mausrad über der Zeitleiste benutzen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the whole run</source>
        <translation>Den ganzen Lauf zeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return to the previous zoom</source>
        <translation>Zur vorigen Vergrößerung zurück</translation>
    </message>
</context>
</TS>
