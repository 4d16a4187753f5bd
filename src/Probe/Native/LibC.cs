using System.Runtime.InteropServices;

namespace ContainerHealth.Probe.Native;

/// <summary>
/// The few libc calls the probe needs, bound directly (DirectPInvoke) in the static build. System.Net.Sockets would add
/// ~0.7 MB to a binary whose whole point is to be small; these calls are the same on linux-x64 and linux-arm64.
/// </summary>
internal static unsafe class LibC
{
    private const string Library = "libc";

    public const int AF_INET = 2;
    public const int AF_INET6 = 10;
    public const int SOCK_STREAM = 1;
    public const int SOCK_NONBLOCK = 0x800;
    public const int SOCK_CLOEXEC = 0x80000;
    public const int SOL_SOCKET = 1;
    public const int SO_ERROR = 4;
    public const int MSG_NOSIGNAL = 0x4000;
    public const short POLLIN = 0x1;
    public const short POLLOUT = 0x4;

    public const int EINTR = 4;
    public const int EAGAIN = 11;
    public const int EINPROGRESS = 115;

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    /// <summary>struct addrinfo on 64-bit Linux (glibc, both architectures).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct AddrInfo
    {
        public int Flags;
        public int Family;
        public int SocketType;
        public int Protocol;
        public uint AddressLength;
        public byte* Address;
        public byte* CanonicalName;
        public AddrInfo* Next;
    }

    [DllImport(Library, EntryPoint = "socket", SetLastError = true)]
    public static extern int Socket(int domain, int type, int protocol);

    [DllImport(Library, EntryPoint = "connect", SetLastError = true)]
    public static extern int Connect(int fd, byte* address, uint addressLength);

    [DllImport(Library, EntryPoint = "poll", SetLastError = true)]
    public static extern int Poll(PollFd* fds, ulong count, int timeoutMilliseconds);

    [DllImport(Library, EntryPoint = "getsockopt", SetLastError = true)]
    public static extern int GetSocketOption(int fd, int level, int name, int* value, uint* length);

    [DllImport(Library, EntryPoint = "send", SetLastError = true)]
    public static extern nint Send(int fd, byte* buffer, nuint length, int flags);

    [DllImport(Library, EntryPoint = "recv", SetLastError = true)]
    public static extern nint Receive(int fd, byte* buffer, nuint length, int flags);

    [DllImport(Library, EntryPoint = "close")]
    public static extern int Close(int fd);

    [DllImport(Library, EntryPoint = "write", SetLastError = true)]
    public static extern nint Write(int fd, byte* buffer, nuint length);

    [DllImport(Library, EntryPoint = "_exit")]
    public static extern void ExitImmediately(int status);

    [DllImport(Library, EntryPoint = "inet_pton")]
    public static extern int InetPton(int family, byte* text, byte* address);

    [DllImport(Library, EntryPoint = "getaddrinfo")]
    public static extern int GetAddrInfo(byte* node, byte* service, AddrInfo* hints, AddrInfo** result);

    [DllImport(Library, EntryPoint = "freeaddrinfo")]
    public static extern void FreeAddrInfo(AddrInfo* info);
}
