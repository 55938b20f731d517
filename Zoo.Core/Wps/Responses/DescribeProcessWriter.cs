using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Xml;

namespace Zoo.Core.Wps.Responses;

/// <summary>The DescribeProcess document: 1.0.0 wps:ProcessDescriptions, 2.0.0 wps:ProcessOfferings.</summary>
public static class DescribeProcessWriter
{
    public static ElementNode Build(WpsVersion version, string language, IEnumerable<ProcessOffering> processes)
    {
        if (version.IsV1)
        {
            var descriptions = ResponseRoot.Create("wps:ProcessDescriptions", version, "DescribeProcess")
                .WithServiceAttributes(version, language);
            foreach (var process in processes)
                descriptions.Add(Description10(process));
            return descriptions;
        }
        var offerings = ResponseRoot.Create("wps:ProcessOfferings", version, "DescribeProcess");
        foreach (var process in processes)
            offerings.Add(Offering20(process));
        return offerings;
    }

    private static ElementNode Description10(ProcessOffering offering)
    {
        var process = offering.Description;
        var element = new ElementNode("ProcessDescription")
            .Attr("wps:processVersion", ProcessAttributes.Version10(process))
            .Attr("storeSupported", ProcessAttributes.StoreSupported(process))
            .Attr("statusSupported", ProcessAttributes.StatusSupported(process))
            .TextChild("ows:Identifier", offering.Identifier)
            .TextChildIfSet("ows:Title", process.Title)
            .TextChildIfSet("ows:Abstract", process.Abstract)
            .Add(MetadataWriter.Elements(process.Metadata))
            // ZOO writes the .zcfg's Profile (a URN of the WPS 1.0.0 application profile) after the metadata.
            .TextChildIfSet("wps:Profile", process.Keys["Profile"]);
        if (process.Inputs.Count > 0)
        {
            var inputs = element.Child("DataInputs");
            foreach (var input in process.Inputs)
                inputs.Add(Io10("Input", input, isInput: true));
        }
        var outputs = element.Child("ProcessOutputs");
        foreach (var output in process.Outputs)
        {
            // WPS 1.0.0 has no nested outputs: ZOO lists the inner ones in the output's place, as <output>.<inner>.
            if (output.Nested.Count > 0)
            {
                foreach (var inner in output.Nested)
                    outputs.Add(Io10("Output", inner, isInput: false, $"{output.Name}.{inner.Name}"));
            }
            else
                outputs.Add(Io10("Output", output, isInput: false));
        }
        return element;
    }

    private static ElementNode Io10(string name, IoDescription io, bool isInput, string? identifier = null)
    {
        var element = new ElementNode(name);
        if (isInput)
            element.Attr("minOccurs", io.MinOccurs).Attr("maxOccurs", io.MaxOccurs);
        element.TextChild("ows:Identifier", identifier ?? io.Name)
            .TextChildIfSet("ows:Title", io.Title)
            .TextChildIfSet("ows:Abstract", io.Abstract)
            .Add(MetadataWriter.Elements(io.Metadata));
        if (io.Data is { } data)
            element.Add(isInput ? DataWriter10.Input(data, io) : DataWriter10.Output(data));
        return element;
    }

    private static ElementNode Offering20(ProcessOffering offering)
    {
        var process = offering.Description;
        var element = new ElementNode("wps:ProcessOffering")
            .Attr("processVersion", ProcessAttributes.Version20(process))
            .Attr("jobControlOptions", ProcessAttributes.JobControlOptionsWithMode(process))
            .Attr("outputTransmission", ProcessAttributes.OutputTransmission(process));
        var body = element.Child("wps:Process")
            .TextChildIfSet("ows:Title", process.Title)
            .TextChildIfSet("ows:Abstract", process.Abstract)
            .TextChild("ows:Identifier", offering.Identifier)
            .Add(MetadataWriter.Elements(process.Metadata))
            .Add(AdditionalParametersWriter.Elements(process.AdditionalParameters));
        foreach (var input in process.Inputs)
            body.Add(Io20("wps:Input", input, isInput: true));
        foreach (var output in process.Outputs)
            body.Add(Io20("wps:Output", output, isInput: false));
        return element;
    }

    private static ElementNode Io20(string name, IoDescription io, bool isInput)
    {
        var element = new ElementNode(name);
        if (isInput)
            element.Attr("minOccurs", io.MinOccurs).Attr("maxOccurs", io.MaxOccurs);
        element.TextChildIfSet("ows:Title", io.Title)
            .TextChildIfSet("ows:Abstract", io.Abstract)
            .TextChild("ows:Identifier", io.Name)
            .Add(MetadataWriter.Elements(io.Metadata))
            .Add(AdditionalParametersWriter.Elements(io.AdditionalParameters));
        // An output with inner outputs holds them instead of a format of its own (WPS 2.0's nested outputs).
        if (io.Data is { } data && (isInput || io.Nested.Count == 0))
            element.Add(DataWriter20.Data(data, io, isInput));
        foreach (var nested in io.Nested)
            element.Add(Io20(name, nested, isInput));
        return element;
    }
}
