using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Processes.Otb.ZcfgGeneration;

namespace Zoo.Core.Tests.Processes.Otb;

/// <summary>The zcfg written for a captured OTB 8.1 description (TestData/otb), read back by the kernel's zcfg parser.</summary>
internal static class OtbZcfgFiles
{
    public static OtbApplication Description(string application) =>
        OtbDescriptionReader.Read(File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "otb", application + ".txt"))).Single();

    public static string Text(string application, string? hpcConfId = null) => OtbZcfgWriter.Write(Description(application), hpcConfId);

    public static ProcessDescription Parsed(string application, string? hpcConfId = null) => ZcfgParser.Parse(Text(application, hpcConfId));

    public static IoDescription Input(this ProcessDescription process, string name) => process.Inputs.Single(i => i.Name == name);

    public static IoDescription Output(this ProcessDescription process, string name) => process.Outputs.Single(o => o.Name == name);

    public static string? Default(this IoDescription io, string key) => io.Data!.Default![key];

    public static string[] MimeTypes(this IoDescription io) =>
        [io.Data!.Default!["mimeType"]!, .. io.Data.Supported.Select(s => s["mimeType"]!)];
}
