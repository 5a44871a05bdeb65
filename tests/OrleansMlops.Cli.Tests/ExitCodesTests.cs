using System.Net;

namespace OrleansMlops.Cli.Tests;

public sealed class ExitCodesTests
{
    [Theory]
    [InlineData(HttpStatusCode.OK, ExitCodes.Success)]
    [InlineData(HttpStatusCode.Created, ExitCodes.Success)]
    [InlineData(HttpStatusCode.NotFound, ExitCodes.NotFound)]
    [InlineData(HttpStatusCode.Unauthorized, ExitCodes.NotAllowed)]
    [InlineData(HttpStatusCode.Forbidden, ExitCodes.NotAllowed)]
    [InlineData(HttpStatusCode.TooManyRequests, ExitCodes.NotAllowed)]
    [InlineData(HttpStatusCode.BadRequest, ExitCodes.RejectedInput)]
    [InlineData(HttpStatusCode.Conflict, ExitCodes.RejectedInput)]
    [InlineData(HttpStatusCode.RequestEntityTooLarge, ExitCodes.RejectedInput)]
    [InlineData(HttpStatusCode.UnprocessableEntity, ExitCodes.RejectedInput)]
    [InlineData(HttpStatusCode.InternalServerError, ExitCodes.HostUnavailable)]
    [InlineData(HttpStatusCode.ServiceUnavailable, ExitCodes.HostUnavailable)]
    public void Each_http_status_maps_to_its_exit_code(HttpStatusCode status, int exitCode) =>
        Assert.Equal(exitCode, ExitCodes.FromStatus(status));

    [Fact]
    public void The_codes_are_zero_to_six_each_described_once()
    {
        Assert.Equal([0, 1, 2, 3, 4, 5, 6], ExitCodes.Described.Select(d => d.Code));
        Assert.All(ExitCodes.Described, d => Assert.False(string.IsNullOrWhiteSpace(d.Meaning)));
    }
}
