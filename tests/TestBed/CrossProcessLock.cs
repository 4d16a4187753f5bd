namespace ContainerHealth.TestBed;

/// <summary>
/// An exclusive lock on a file, shared by every test process on the machine (test projects run as separate processes).
/// The OS releases it when the holder dies, so a crashed run never leaves it stuck.
/// </summary>
public static class CrossProcessLock
{
    /// <summary>The lock if it is free right now, else null.</summary>
    public static IDisposable? TryAcquire(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public static async Task<IDisposable> AcquireAsync(string path, TimeSpan? timeout = null)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(10));
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }
}
