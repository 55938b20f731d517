using Zoo.Integration.Tests.Support;
using Zoo.Tests.Tools;

namespace Zoo.Integration.Tests.Native;

/// <summary>
/// A copy of cgi-env with the test C services (test_services.c, built here with gcc against zoo_service.h into
/// test_services.zo) and one .zcfg each; [python] timeout, the limit C services share, is 2 s for LoopC.
/// </summary>
public static class CServiceDirectory
{
    public const string Library = "test_services.zo";

    private static string Sources => Path.Combine(RepositoryPaths.Root, "tests", "Zoo.Integration.Tests", "Native");

    public static ServiceDirectory Create()
    {
        var services = ServiceDirectory.CopyOf(RepositoryPaths.CgiEnv);
        services.SetConfig("python", "timeout", "2");
        Compile(Path.Combine(Sources, "test_services.c"), Path.Combine(services.Path, Library));
        foreach (var name in new[] { "HelloC", "FailC", "CrashC", "LoopC", "PrintC" })
            services.Write(name + ".zcfg", LiteralZcfg(name));
        services.Write("BinaryC.zcfg", BinaryZcfg);
        return services;
    }

    public static void Compile(string source, string library)
    {
        ExternalTool.Check("gcc", ["-Wall", "-Werror", "-shared", "-fPIC", "-o", library, source], "gcc");
    }

    private static string LiteralZcfg(string name) =>
        $"""
        [{name}]
         Title = Test C service {name}.
         Abstract = Built by the integration tests.
         processVersion = 1
         storeSupported = true
         statusSupported = true
         serviceType = C
         serviceProvider = {Library}
         <DataInputs>
          [name]
           Title = A name
           Abstract = Any text.
           minOccurs = 0
           maxOccurs = 1
           <LiteralData>
            dataType = string
            <Default />
           </LiteralData>
         </DataInputs>
         <DataOutputs>
          [Result]
           Title = Result
           Abstract = What the service says.
           <LiteralData>
            dataType = string
            <Default />
           </LiteralData>
         </DataOutputs>

        """;

    private const string BinaryZcfg =
        $"""
        [BinaryC]
         Title = Test C service with a binary output.
         Abstract = Built by the integration tests: the 256 byte values in order.
         processVersion = 1
         storeSupported = true
         statusSupported = true
         serviceType = C
         serviceProvider = {Library}
         <DataOutputs>
          [Result]
           Title = Result
           Abstract = 256 bytes.
           <ComplexOutput>
            <Default>
             mimeType = application/octet-stream
            </Default>
           </ComplexOutput>
         </DataOutputs>

        """;
}
