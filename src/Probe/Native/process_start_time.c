// The probe's deadline starts when the process starts, not when the .NET runtime has finished starting (which is
// ~1 ms natively, tens to hundreds of ms under qemu). An ELF constructor runs before main, so before the runtime.
#include <stdint.h>
#include <time.h>

static int64_t process_start_nanoseconds;

__attribute__((constructor)) static void record_process_start(void)
{
    struct timespec now;
    if (clock_gettime(CLOCK_MONOTONIC, &now) == 0)
    {
        process_start_nanoseconds = (int64_t)now.tv_sec * 1000000000 + now.tv_nsec;
    }
}

// CLOCK_MONOTONIC nanoseconds at process start (the clock Stopwatch reads on Linux), 0 if the clock failed.
int64_t healthprobe_process_start_nanoseconds(void)
{
    return process_start_nanoseconds;
}
