// Runs before the .NET runtime starts (an ELF constructor, ahead of main). The probe runs inside the app's container
// and inherits DOTNET_* settings meant for the app (DOTNET_GCHeapHardLimit, DOTNET_gcServer, ...). NativeAOT reads
// DOTNET_<name> from the environment before the settings baked in at build time, and before any managed code runs,
// so a small heap limit or a garbage value would break the probe's start-up. Removing them from the environment here
// leaves the runtime with the probe's own baked settings. DOTNET_URLS and DOTNET_HTTP_PORTS stay: they are not runtime
// settings but how the probe finds the app's port, as Kestrel does.
#include <string.h>

extern char **environ;

static int is_app_runtime_setting(const char *entry)
{
    static const char prefix[] = "DOTNET_";
    if (strncmp(entry, prefix, sizeof prefix - 1) != 0)
    {
        return 0;
    }

    const char *name = entry + sizeof prefix - 1;
    return strncmp(name, "URLS=", 5) != 0 && strncmp(name, "HTTP_PORTS=", 11) != 0;
}

__attribute__((constructor)) static void ignore_app_runtime_settings(void)
{
    if (environ == NULL)
    {
        return;
    }

    char **kept = environ;
    for (char **entry = environ; *entry != NULL; entry++)
    {
        if (!is_app_runtime_setting(*entry))
        {
            *kept++ = *entry;
        }
    }

    *kept = NULL;
}
