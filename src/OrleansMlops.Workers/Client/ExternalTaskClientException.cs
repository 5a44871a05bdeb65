using System.Net;

namespace OrleansMlops.Workers;

/// <summary>
/// The engine refused an external task command, or could not be reached: the HTTP status, the problem document's
/// title and detail, and its <c>code</c> when the engine named one (null for errors outside the job itself, such as an
/// API key that is refused, 401, or whose service lacks the worker role, 403).
/// </summary>
public sealed class ExternalTaskClientException : Exception
{
    public ExternalTaskClientException()
    {
    }

    public ExternalTaskClientException(string message)
        : base(message)
    {
    }

    public ExternalTaskClientException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ExternalTaskClientException(HttpStatusCode status, string title, string? detail, ExternalTaskErrorCode? code)
        : base($"{(int)status} {title}{(detail is null ? string.Empty : ": " + detail)}")
    {
        Status = status;
        Title = title;
        Detail = detail;
        Code = code;
    }

    public HttpStatusCode Status { get; }

    public string Title { get; } = string.Empty;

    public string? Detail { get; }

    public ExternalTaskErrorCode? Code { get; }

    /// <summary>The engine is overloaded or failing, not refusing this request: trying again later may succeed.</summary>
    public bool IsTransient => (int)Status >= 500 || Status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    /// <summary>Another worker has the job, or it already ended: this worker's work on it is over.</summary>
    public bool IsJobLost => Code is ExternalTaskErrorCode.NotLocked or ExternalTaskErrorCode.Ended;
}
