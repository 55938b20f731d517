namespace Zoo.Integration.Tests.Execute;

/// <summary>Throw-away Python services for the robustness tests: a .zcfg with one optional literal input x and one output Result.</summary>
public static class RobustnessServices
{
    public static string Zcfg(string name, string provider) =>
        $"""
        [{name}]
         Title = Throw-away service {name}.
         Abstract = Written by the integration tests.
         processVersion = 1
         storeSupported = true
         statusSupported = true
         serviceType = Python
         serviceProvider = {provider}
         <DataInputs>
          [x]
           Title = Input x
           Abstract = Any text.
           minOccurs = 0
           maxOccurs = 1
           <LiteralData>
            dataType = string
            <Default>
             value = none
            </Default>
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
}
