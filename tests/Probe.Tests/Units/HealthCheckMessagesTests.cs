using ContainerHealth.Probe.Grpc;

namespace ContainerHealth.Probe.Tests.Units;

[Trait("Tier", "Unit")]
public sealed class HealthCheckMessagesTests
{
    [Fact]
    public void Request_for_the_whole_server_is_an_empty_message()
    {
        Assert.Equal("0000000000", Convert.ToHexString(HealthCheckMessages.FramedRequest("")));
    }

    [Fact]
    public void Request_carries_the_service_as_field_1()
    {
        Assert.Equal("00000000060A046C697665", Convert.ToHexString(HealthCheckMessages.FramedRequest("live")));
    }

    [Fact]
    public void Long_service_name_gets_a_two_byte_length()
    {
        var framed = HealthCheckMessages.FramedRequest(new string('s', 200));

        Assert.Equal("00000000CB0AC801", Convert.ToHexString(framed[..8]));
        Assert.Equal(5 + 203, framed.Length);
    }

    [Theory]
    [InlineData("00000000020801", 1)]
    [InlineData("00000000020802", 2)]
    [InlineData("0000000000", 0)]
    [InlineData("000000000E1203616263080328011D01020304", 3)] // unknown fields (string, varint, fixed32) around status 3
    public void Response_status_is_field_1(string hex, int status)
    {
        Assert.Equal(status, HealthCheckMessages.ServingStatusOf(Convert.FromHexString(hex)));
    }

    [Theory]
    [InlineData("", "gRPC status OK without a response message")]
    [InlineData("0100000002", "compressed gRPC response")]
    [InlineData("0000000005", "gRPC message of 5 bytes")]
    [InlineData("000000000108", "malformed HealthCheckResponse")]
    public void Bad_responses_are_refused(string hex, string problem)
    {
        var failure = Assert.Throws<Http2Failure>(() => HealthCheckMessages.ServingStatusOf(Convert.FromHexString(hex)));
        Assert.StartsWith(problem, failure.Message);
    }
}
