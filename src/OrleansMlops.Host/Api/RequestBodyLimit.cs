using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using OrleansMlops.Host.Hosting;

namespace OrleansMlops.Host.Api;

/// <summary>
/// Refuses oversized bodies before an endpoint reads them: by Content-Length at once, and through the server's
/// body size limit for streamed bodies.
/// </summary>
internal sealed class RequestBodyLimit(RequestDelegate next, IOptions<ApiOptions> options)
{
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        var limit = options.Value.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "Request body too large",
                    Detail = $"The body has {context.Request.ContentLength} bytes; the limit is {limit} bytes.",
                },
            });
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        await next(context);
    }
}
