using System.Text;

namespace Zoo.Core.Processes.Otb.ZcfgGeneration;

/// <summary>
/// Writes the .zcfg of one OTB application with ZOO's otb2zcfg conventions (spec/otb2zcfg.md §1), without its
/// bugs (§2): every parameter type has a complete data block, single-key choices are closed, pixel types are
/// OTB's own, no <c>value =</c> is left empty, and sub-parameters of a choice's branches are optional.
/// </summary>
public static class OtbZcfgWriter
{
    /// <summary>OTB's pixel types, in the order of <c>otbcli_&lt;App&gt; -help</c>.</summary>
    public const string PixelTypes = "uint8,uint16,int16,uint32,int32,float,double,cint16,cint32,cfloat,cdouble";

    /// <summary>A ZOO convention otb2zcfg keeps: list parameters accept up to 1024 values.</summary>
    private const int ListMaxOccurs = 1024;

    /// <param name="hpcConfId">null: <c>serviceType = OTB</c>; else <c>serviceType = HPC</c> with this <c>confId</c> and
    /// <c>otbcli_&lt;App&gt;</c> as serviceProvider.</param>
    public static string Write(OtbApplication application, string? hpcConfId = null)
    {
        var zcfg = new StringBuilder();
        var title = TextOr(application.Description, application.Name);
        zcfg.Append('[').Append(application.Name).Append("]\n");
        Key(zcfg, 1, "Title", title);
        Key(zcfg, 1, "Abstract", TextOr(application.LongDescription, title));
        Key(zcfg, 1, "storeSupported", "true");
        Key(zcfg, 1, "statusSupported", "true");
        // An HPC job script runs serviceProvider as its command (spec/hpc.md §2.4): the application's own launcher
        // there, where ZOO's docs would leave the bare name that no cluster can run.
        Key(zcfg, 1, "serviceProvider", hpcConfId is null ? application.Name : "otbcli_" + application.Name);
        Key(zcfg, 1, "serviceType", hpcConfId is null ? "OTB" : "HPC");
        if (hpcConfId is not null)
            Key(zcfg, 1, "confId", hpcConfId);

        var choices = application.Parameters.Where(p => p.Type == "Choice").Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        zcfg.Append(" <DataInputs>\n");
        foreach (var parameter in application.Parameters.Where(OtbParameterKinds.IsInput))
            Input(zcfg, parameter, OtbParameterKinds.IsInChoiceBranch(parameter.Key, choices));
        zcfg.Append(" </DataInputs>\n <DataOutputs>\n");
        foreach (var parameter in application.Parameters.Where(OtbParameterKinds.IsOutput))
            Output(zcfg, parameter);
        zcfg.Append(" </DataOutputs>\n");
        return zcfg.ToString();
    }

    private static void Input(StringBuilder zcfg, OtbParameter parameter, bool inChoiceBranch)
    {
        Header(zcfg, parameter);
        // A branch's parameters only matter when the branch is chosen: a client must be free to omit them.
        Key(zcfg, 3, "minOccurs", parameter.IsMandatory && !inChoiceBranch ? "1" : "0");
        Key(zcfg, 3, "maxOccurs", OtbParameterKinds.IsList(parameter) ? ListMaxOccurs.ToString() : "1");
        if (OtbParameterKinds.InputFormats(parameter) is { } formats)
        {
            Complex(zcfg, formats);
            return;
        }
        zcfg.Append("   <LiteralData>\n");
        Key(zcfg, 4, "dataType", OtbParameterKinds.LiteralType(parameter));
        var domain = Domain(parameter);
        if (domain.Count == 0)
        {
            zcfg.Append("    <Default />\n");
        }
        else
        {
            zcfg.Append("    <Default>\n");
            foreach (var (key, value) in domain)
                Key(zcfg, 5, key, value);
            zcfg.Append("    </Default>\n");
        }
        zcfg.Append("   </LiteralData>\n");
    }

    /// <summary>The default value and the allowed values or range of a literal input; empty when it has none.</summary>
    private static List<(string Key, string Value)> Domain(OtbParameter parameter)
    {
        var domain = new List<(string, string)>();
        if (parameter.Type == "OutputImage")
        {
            domain.Add(("value", parameter.PixelType ?? "float"));
            domain.Add(("AllowedValues", PixelTypes));
            return domain;
        }
        var value = ZcfgText.OneLine(parameter.Value ?? "");
        if (parameter.Type is "Choice" or "ListView")
        {
            if (value.Length == 0 && parameter.Choices.Count > 0)
                value = parameter.Choices[0].Key;
            if (value.Length > 0)
                domain.Add(("value", value));
            if (parameter.Choices.Count >= 2)
                domain.Add(("AllowedValues", string.Join(',', parameter.Choices.Select(c => c.Key))));
            return domain;
        }
        if (value.Length > 0)
            domain.Add(("value", value));
        if (parameter.Minimum is not null && parameter.Maximum is not null)
        {
            domain.Add(("rangeMin", parameter.Minimum));
            domain.Add(("rangeMax", parameter.Maximum));
            domain.Add(("rangeClosure", "c"));
        }
        return domain;
    }

    private static void Output(StringBuilder zcfg, OtbParameter parameter)
    {
        Header(zcfg, parameter);
        if (OtbParameterKinds.OutputFormats(parameter) is { } formats)
        {
            Complex(zcfg, formats);
            return;
        }
        zcfg.Append("   <LiteralData>\n");
        Key(zcfg, 4, "dataType", OtbParameterKinds.LiteralType(parameter));
        zcfg.Append("    <Default />\n   </LiteralData>\n");
    }

    private static void Header(StringBuilder zcfg, OtbParameter parameter)
    {
        var text = TextOr(parameter.Description, parameter.Key);
        zcfg.Append("  [").Append(parameter.Key).Append("]\n");
        Key(zcfg, 3, "Title", text);
        Key(zcfg, 3, "Abstract", text);
    }

    private static void Complex(StringBuilder zcfg, IReadOnlyList<ComplexFormat> formats)
    {
        zcfg.Append("   <ComplexData>\n");
        for (var i = 0; i < formats.Count; i++)
        {
            var block = i == 0 ? "Default" : "Supported";
            zcfg.Append("    <").Append(block).Append(">\n");
            Key(zcfg, 5, "mimeType", formats[i].MimeType);
            if (formats[i].Encoding is { } encoding)
                Key(zcfg, 5, "encoding", encoding);
            if (formats[i].Extension is { } extension)
                Key(zcfg, 5, "extension", extension);
            zcfg.Append("    </").Append(block).Append(">\n");
        }
        zcfg.Append("   </ComplexData>\n");
    }

    private static string TextOr(string text, string fallback) => ZcfgText.OneLine(text) is { Length: > 0 } line ? line : fallback;

    private static void Key(StringBuilder zcfg, int indentation, string key, string value) =>
        zcfg.Append(' ', indentation).Append(key).Append(" = ").Append(value).Append('\n');
}
