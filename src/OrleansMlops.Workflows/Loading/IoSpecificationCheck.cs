using System.Xml.Linq;

namespace OrleansMlops.Workflows;

/// <summary>
/// Modelers often emit an <c>ioSpecification</c> holding only empty input and output sets: it declares nothing and is
/// ignored. One that declares data inputs or outputs asks for data mapping, which the engine does not do.
/// </summary>
internal static class IoSpecificationCheck
{
    public static bool IsEmpty(XElement ioSpecification) =>
        !ioSpecification.Descendants().Any(element =>
            element.IsBpmn() && element.Kind() is "dataInput" or "dataOutput");
}
