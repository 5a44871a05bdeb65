using OrleansMlops.Storage.Idempotency;

namespace OrleansMlops.Host.Api.Idempotency;

/// <summary>Writes an answer as it was first given: status, content type, location and the same bytes.</summary>
internal sealed class StoredAnswerResult(IdempotentAnswer answer, bool replayed) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = answer.StatusCode;
        if (answer.ContentType is not null)
        {
            response.ContentType = answer.ContentType;
        }

        if (answer.Location is not null)
        {
            response.Headers.Location = answer.Location;
        }

        if (replayed)
        {
            response.Headers[IdempotentEndpoint.ReplayedHeader] = "true";
        }

        response.ContentLength = answer.Body.Length;
        await response.Body.WriteAsync(answer.Body, httpContext.RequestAborted);
    }
}
