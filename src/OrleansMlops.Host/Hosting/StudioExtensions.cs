using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace OrleansMlops.Host.Hosting;

/// <summary>
/// Serves the studio at /studio: its pages, and only the distribution files of its npm packages (bpmn-js, CodeMirror)
/// under /studio/vendor, never the rest of node_modules.
/// </summary>
public static partial class StudioExtensions
{
    public const string BasePath = "/studio";

    private static readonly (string Url, string Folder)[] Vendor =
    [
        ("bpmn-js", "node_modules/bpmn-js/dist"),
        ("codemirror", "node_modules/codemirror"),
    ];

    public static WebApplication UseMlopsStudio(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<StudioOptions>>().Value;
        var root = Path.GetFullPath(options.Path, app.Environment.ContentRootPath);
        var pages = Path.Combine(root, "app");
        if (!Directory.Exists(pages))
        {
            StudioMissing(app.Logger, pages);
            return app;
        }

        app.Use(async (context, next) =>
        {
            if (context.Request.Path.Value == BasePath)
            {
                // Relative asset paths in index.html need the trailing slash.
                context.Response.Redirect(BasePath + "/");
                return;
            }

            await next(context);
        });
        var provider = new PhysicalFileProvider(pages);
        app.UseDefaultFiles(new DefaultFilesOptions { RequestPath = BasePath, FileProvider = provider });
        app.UseStaticFiles(new StaticFileOptions { RequestPath = BasePath, FileProvider = provider });
        foreach (var (url, folder) in Vendor)
        {
            var path = Path.Combine(root, folder);
            if (!Directory.Exists(path))
            {
                StudioMissing(app.Logger, path);
                continue;
            }

            app.UseStaticFiles(new StaticFileOptions { RequestPath = $"{BasePath}/vendor/{url}", FileProvider = new PhysicalFileProvider(path) });
        }

        return app;
    }

    [LoggerMessage(EventId = 3100, Level = LogLevel.Warning, Message = "The studio is not served: {Folder} is missing (build the host to install its npm packages)")]
    private static partial void StudioMissing(ILogger logger, string folder);
}
