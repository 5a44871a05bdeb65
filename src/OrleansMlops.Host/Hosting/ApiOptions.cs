using System.ComponentModel.DataAnnotations;

namespace OrleansMlops.Host.Hosting;

public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Largest request body accepted, in bytes; larger requests get 413 before anything is read or stored.</summary>
    [Range(1_024, 64 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
