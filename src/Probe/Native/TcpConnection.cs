using System.Runtime.InteropServices;

namespace ContainerHealth.Probe.Native;

/// <summary>
/// A non-blocking TCP socket whose every wait is a poll bounded by the deadline, so no peer behaviour (silence, a
/// trickle of bytes, a full receive window) can hold the probe past it. Calls return 0, <see cref="TimedOut"/>, or errno.
/// </summary>
internal sealed unsafe class TcpConnection : IDisposable
{
    public const int TimedOut = -1;

    private int fd;

    private TcpConnection(int fd)
    {
        this.fd = fd;
    }

    public static int Connect(IpEndpoint endpoint, Deadline deadline, out TcpConnection? connection)
    {
        connection = null;
        var fd = LibC.Socket(endpoint.Family, LibC.SOCK_STREAM | LibC.SOCK_NONBLOCK | LibC.SOCK_CLOEXEC, 0);
        if (fd < 0)
        {
            return Marshal.GetLastPInvokeError();
        }

        var socket = new TcpConnection(fd);
        var address = stackalloc byte[28];
        var length = endpoint.WriteSocketAddress(new Span<byte>(address, 28));
        if (LibC.Connect(fd, address, (uint)length) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            if (error != LibC.EINPROGRESS && error != LibC.EINTR)
            {
                socket.Dispose();
                return error;
            }

            error = socket.WaitFor(LibC.POLLOUT, deadline);
            if (error == 0)
            {
                error = socket.PendingError();
            }

            if (error != 0)
            {
                socket.Dispose();
                return error;
            }
        }

        connection = socket;
        return 0;
    }

    public int Send(ReadOnlySpan<byte> data, Deadline deadline)
    {
        while (!data.IsEmpty)
        {
            nint sent;
            fixed (byte* pointer = data)
            {
                sent = LibC.Send(fd, pointer, (nuint)data.Length, LibC.MSG_NOSIGNAL);
            }

            if (sent >= 0)
            {
                data = data[(int)sent..];
                continue;
            }

            var error = Marshal.GetLastPInvokeError();
            if (error == LibC.EAGAIN || error == LibC.EINTR)
            {
                error = WaitFor(LibC.POLLOUT, deadline);
            }

            if (error != 0)
            {
                return error;
            }
        }

        return 0;
    }

    /// <summary>Waits for bytes, then reads what is there; <paramref name="count"/> is 0 when the peer closed.</summary>
    public int Receive(Span<byte> buffer, Deadline deadline, out int count)
    {
        count = 0;
        while (true)
        {
            var error = WaitFor(LibC.POLLIN, deadline);
            if (error != 0)
            {
                return error;
            }

            nint received;
            fixed (byte* pointer = buffer)
            {
                received = LibC.Receive(fd, pointer, (nuint)buffer.Length, 0);
            }

            if (received >= 0)
            {
                count = (int)received;
                return 0;
            }

            error = Marshal.GetLastPInvokeError();
            if (error != LibC.EAGAIN && error != LibC.EINTR)
            {
                return error;
            }
        }
    }

    public void Dispose()
    {
        if (fd >= 0)
        {
            // A failed close leaves nothing to do: the check's answer is already read, and the fd is released either way.
            _ = LibC.Close(fd);
            fd = -1;
        }
    }

    private int WaitFor(short events, Deadline deadline)
    {
        while (true)
        {
            var remaining = deadline.RemainingMilliseconds;
            if (remaining == 0)
            {
                return TimedOut;
            }

            var poll = new LibC.PollFd { Fd = fd, Events = events };
            var ready = LibC.Poll(&poll, 1, remaining);
            if (ready > 0)
            {
                return 0;
            }

            if (ready < 0 && Marshal.GetLastPInvokeError() is var error && error != LibC.EINTR)
            {
                return error;
            }
        }
    }

    private int PendingError()
    {
        int error = 0;
        uint length = sizeof(int);
        return LibC.GetSocketOption(fd, LibC.SOL_SOCKET, LibC.SO_ERROR, &error, &length) == 0 ? error : Marshal.GetLastPInvokeError();
    }
}
