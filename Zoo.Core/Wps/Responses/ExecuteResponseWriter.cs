using System.Globalization;
using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Execution;
using Zoo.Core.Wps.Requests.Execute;
using Zoo.Core.Xml;

namespace Zoo.Core.Wps.Responses;

/// <summary>The state a WPS 1.0.0 ExecuteResponse reports.</summary>
public abstract record ExecuteStatus
{
    public sealed record Accepted : ExecuteStatus;

    public sealed record Started(int Percent, string? Message) : ExecuteStatus;

    public sealed record Succeeded(IReadOnlyList<ProducedOutput> Outputs) : ExecuteStatus;

    public sealed record Failed(IReadOnlyList<OwsError> Errors) : ExecuteStatus;
}

/// <summary>The WPS 1.0.0 <c>wps:ExecuteResponse</c>, as ZOO writes it (with schema-valid literal attributes).</summary>
public static class ExecuteResponseWriter
{
    public static ElementNode Build(string identifier, ProcessDescription process, ExecuteStatus status, ExecuteRequest request,
        string serviceUrl, string? statusLocation, string language, DateTimeOffset created)
    {
        var version = WpsVersion.V100;
        var root = ResponseRoot.Create("wps:ExecuteResponse", version, "Execute")
            .WithServiceAttributes(version, language)
            .Attr("serviceInstance", serviceUrl)
            .AttrIfSet("statusLocation", statusLocation);
        root.Child("wps:Process")
            .Attr("wps:processVersion", ProcessAttributes.Version10(process))
            .TextChild("ows:Identifier", identifier)
            .TextChildIfSet("ows:Title", process.Title)
            .TextChildIfSet("ows:Abstract", process.Abstract);
        root.Add(Status(process, status, created));
        if (request.Lineage)
        {
            root.Add(Lineage.Inputs(request.Inputs));
            root.Add(Lineage.OutputDefinitions(request.Outputs));
        }
        if (status is ExecuteStatus.Succeeded succeeded)
        {
            var outputs = root.Child("wps:ProcessOutputs");
            foreach (var output in succeeded.Outputs)
            {
                // As DescribeProcess lists them: WPS 1.0.0 has no nested outputs.
                if (output.Inner.Count > 0)
                {
                    foreach (var inner in output.Inner)
                        outputs.Add(Output(inner, $"{output.Name}.{inner.Name}"));
                }
                else
                    outputs.Add(Output(output));
            }
        }
        return root;
    }

    private static ElementNode Status(ProcessDescription process, ExecuteStatus status, DateTimeOffset created)
    {
        var element = new ElementNode("wps:Status")
            .Attr("creationTime", created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        return element.Add(StatusContent(process.Name, status));
    }

    /// <summary>What wps:Status holds for a state: ProcessAccepted, ProcessStarted, ProcessSucceeded or ProcessFailed.</summary>
    public static ElementNode StatusContent(string serviceName, ExecuteStatus status)
    {
        switch (status)
        {
            case ExecuteStatus.Accepted:
                return new ElementNode("wps:ProcessAccepted").Text(
                    $"The service \"{serviceName}\" was accepted by the ZOO-Kernel and is running as a background task. Please access the URL in the statusLocation attribute provided in this document to get the up-to-date status and results.");
            case ExecuteStatus.Started started:
                return new ElementNode("wps:ProcessStarted")
                    .Attr("percentCompleted", started.Percent.ToString(CultureInfo.InvariantCulture))
                    .Text(started.Message is { Length: > 1 } message
                        ? message
                        : $"The ZOO service \"{serviceName}\" is currently running. Please reload this document to get the up-to-date status of the service.");
            case ExecuteStatus.Succeeded:
                return new ElementNode("wps:ProcessSucceeded").Text($"The service \"{serviceName}\" ran successfully.");
            case ExecuteStatus.Failed failed:
                var processFailed = new ElementNode("wps:ProcessFailed");
                // The schema's form (ows:ExceptionReport, with its version): ZOO writes an unqualified element.
                var report = processFailed.Child("ows:ExceptionReport").Attr("version", WpsVersion.V100.ExceptionReportVersion);
                foreach (var error in failed.Errors)
                {
                    var exception = report.Child("ows:Exception").Attr("exceptionCode", error.Code);
                    if (error.Locator is { Length: > 0 } locator)
                        exception.Attr("locator", locator);
                    exception.TextChild("ows:ExceptionText", error.Text);
                }
                return processFailed;
            default:
                throw new ArgumentOutOfRangeException(nameof(status));
        }
    }

    private static ElementNode Output(ProducedOutput output, string? identifier = null)
    {
        var element = new ElementNode("wps:Output")
            .TextChild("ows:Identifier", identifier ?? output.Name)
            .TextChildIfSet("ows:Title", output.Declaration.Title)
            .TextChildIfSet("ows:Abstract", output.Declaration.Abstract);
        if (output.ReferenceUrl is { } url)
        {
            element.Child("wps:Reference")
                .Attr("href", url)
                .AttrIfSet("mimeType", output.Text("mimeType"))
                .AttrIfSet("encoding", output.Text("encoding"))
                .AttrIfSet("schema", output.Text("schema"));
            return element;
        }
        var data = element.Child("wps:Data");
        switch (output.Kind)
        {
            case DataKind.Literal:
                data.Child("wps:LiteralData")
                    .AttrIfSet("dataType", output.Text("dataType"))
                    .AttrIfSet("uom", output.Text("uom"))
                    .Text(OutputDataWriter.LiteralText(output));
                break;
            case DataKind.BoundingBox:
                var box = OutputDataWriter.BoundingBox("wps:BoundingBoxData", output);
                data.Add(box);
                break;
            default:
                OutputDataWriter.Complex(data.Child("wps:ComplexData"), output);
                break;
        }
        return element;
    }
}
