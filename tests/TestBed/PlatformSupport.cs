// The fixtures drive Linux tools (docker-registry, skopeo, umoci, runc); they only run on Linux.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
