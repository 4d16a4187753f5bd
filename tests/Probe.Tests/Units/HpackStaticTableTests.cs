using System.Reflection;
using ContainerHealth.Probe.Grpc;

namespace ContainerHealth.Probe.Tests.Units;

[Trait("Tier", "Unit")]
public sealed class HpackStaticTableTests
{
    [Fact]
    public void Table_is_the_runtime_clients_table()
    {
        var table = typeof(HttpClient).Assembly.GetType("System.Net.Http.HPack.H2StaticTable", throwOnError: true)!;
        var entries = (Array)table.GetField("s_staticDecoderTable", BindingFlags.Static | BindingFlags.NonPublic)!.GetValue(null)!;

        Assert.Equal(HpackStaticTable.Count, entries.Length);
        for (var index = 1; index <= HpackStaticTable.Count; index++)
        {
            var entry = entries.GetValue(index - 1)!;
            var name = (byte[])entry.GetType().GetProperty("Name")!.GetValue(entry)!;
            var value = (byte[])entry.GetType().GetProperty("Value")!.GetValue(entry)!;
            Assert.Equal(System.Text.Encoding.ASCII.GetString(name), HpackStaticTable.Get(index).Name);
            Assert.Equal(System.Text.Encoding.ASCII.GetString(value), HpackStaticTable.Get(index).Value);
        }
    }
}
