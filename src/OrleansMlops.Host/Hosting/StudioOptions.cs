using System.ComponentModel.DataAnnotations;

namespace OrleansMlops.Host.Hosting;

/// <summary>Where the studio's files are (section <c>Studio</c>): its own pages in app/, its npm packages in node_modules/.</summary>
public sealed class StudioOptions
{
    public const string Section = "Studio";

    /// <summary>The studio folder, relative to the content root (the repository root when run as the README says).</summary>
    [Required]
    public string Path { get; set; } = "src/OrleansMlops.Host/Studio";
}
