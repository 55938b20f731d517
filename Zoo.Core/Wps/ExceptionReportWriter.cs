using Zoo.Core.Xml;

namespace Zoo.Core.Wps;

/// <summary>Renders errors as an OWS 1.1 (WPS 1.0.0) or OWS 2.0 (WPS 2.0.0) ExceptionReport.</summary>
public static class ExceptionReportWriter
{
    public static ElementNode Build(IReadOnlyList<OwsError> errors, WpsVersion version, string language)
    {
        var report = new ElementNode("ows:ExceptionReport")
            .Attr("xmlns:ows", version.OwsNamespace)
            .Attr("xmlns:xsi", WpsVersion.XsiNamespace)
            .Attr("xsi:schemaLocation", $"{version.OwsNamespace} {version.ExceptionSchema}")
            .Attr("xml:lang", language)
            .Attr("version", version.ExceptionReportVersion);
        foreach (var error in errors)
        {
            var exception = report.Child("ows:Exception").Attr("exceptionCode", error.Code);
            if (error.Locator is { Length: > 0 } locator && locator != "NULL")
                exception.Attr("locator", locator);
            exception.TextChild("ows:ExceptionText",
                string.IsNullOrEmpty(error.Text) ? "No debug message available" : error.Text);
        }
        return report;
    }
}
