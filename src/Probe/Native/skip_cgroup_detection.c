// Linked in place of the runtime's two cgroup detectors (-Wl,--wrap, see healthprobe.csproj): the GC's
// InitializeCGroup() and the runtime's InitializeCpuCGroup(). Each one reads /proc/self/mountinfo and /proc/self/cgroup
// to find the container's CPU and memory limits: about 0.27 ms of the probe's ~1 ms start-up, and NativeAOT has no
// switch to skip it. The probe needs neither limit: its processor count (1) and heap limit (16 MB) are baked in at
// build time. With detection skipped, the runtime behaves as on a machine without cgroups.
// If a runtime update renames these functions, the wrap no longer applies (the link still succeeds) and
// StartupWorkTests fails on the /proc/self/mountinfo read.
void __wrap__Z16InitializeCGroupv(void)
{
}

void __wrap__Z19InitializeCpuCGroupv(void)
{
}
