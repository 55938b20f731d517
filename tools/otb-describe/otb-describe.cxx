// otb-describe: prints what OTB's application engine knows about its applications, for
// `zoo_loader.cgi --otb2zcfg` (Zoo.Core/Processes/Otb/ZcfgGeneration). It links to
// libOTBApplicationEngine because no other interface of Debian 12's OTB sees every parameter: there
// are no Python bindings, `otbcli_<App> -help` hides role=output parameters and writes images,
// vectors and plain files all as <string>, and otbQgisDescriptor drops RAM and output values.
//
// Usage: otb-describe --list          the application names, one a line
//        otb-describe APP...          each application's description (format below)
// The applications are found through ITK_AUTOLOAD_PATH, as for every OTB launcher.
//
// Output: one record a line, fields separated by TAB; in every field a backslash, TAB, LF and CR
// are written \\, \t, \n and \r, so a field never spans lines.
//   app     NAME  DESCRIPTION  LONG_DESCRIPTION
//   param   KEY  TYPE  ROLE(input|output)  MANDATORY(0|1)  HASVALUE(0|1)  VALUE  NAME  DESCRIPTION
//   choice  KEY  CHOICE_KEY  CHOICE_NAME            (Choice and ListView parameters, in OTB's order)
//   single  KEY  0|1                                (ListView, Field, Band: 1 when one item only)
//   pixel   KEY  PIXEL_TYPE                         (OutputImage: its default pixel type)
//   range   KEY  MIN  MAX                           (Int, Float, Radius, RAM: each bound empty when unset)
//   end     NAME
// TYPE is the name of OTB's ParameterType without its prefix (Int, InputImage, ...). VALUE is OTB's
// own string for the current value; Bool is written true/false, Choice as the selected key.
// Exit status: 0; 2 when an application is unknown (named on stderr); 3 when none is available.
#include "otbWrapperApplicationRegistry.h"
#include "otbWrapperApplication.h"
#include "otbWrapperChoiceParameter.h"
#include "otbWrapperListViewParameter.h"
#include "otbWrapperNumericalParameter.h"
#include "otbWrapperOutputImageParameter.h"

#include <iostream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

using namespace otb::Wrapper;

namespace
{
std::string Escaped(const std::string& text)
{
  std::string out;
  out.reserve(text.size());
  for (char c : text)
  {
    switch (c)
    {
    case '\\': out += "\\\\"; break;
    case '\t': out += "\\t"; break;
    case '\n': out += "\\n"; break;
    case '\r': out += "\\r"; break;
    default: out += c;
    }
  }
  return out;
}

void Record(const std::vector<std::string>& fields)
{
  for (size_t i = 0; i < fields.size(); ++i)
    std::cout << (i ? "\t" : "") << Escaped(fields[i]);
  std::cout << '\n';
}

const char* TypeName(ParameterType type)
{
  switch (type)
  {
  case ParameterType_Bool: return "Bool";
  case ParameterType_Int: return "Int";
  case ParameterType_Float: return "Float";
  case ParameterType_String: return "String";
  case ParameterType_StringList: return "StringList";
  case ParameterType_InputFilename: return "InputFilename";
  case ParameterType_InputFilenameList: return "InputFilenameList";
  case ParameterType_OutputFilename: return "OutputFilename";
  case ParameterType_Directory: return "Directory";
  case ParameterType_Choice: return "Choice";
  case ParameterType_InputImage: return "InputImage";
  case ParameterType_InputImageList: return "InputImageList";
  case ParameterType_InputVectorData: return "InputVectorData";
  case ParameterType_InputVectorDataList: return "InputVectorDataList";
  case ParameterType_OutputImage: return "OutputImage";
  case ParameterType_OutputVectorData: return "OutputVectorData";
  case ParameterType_Radius: return "Radius";
  case ParameterType_Group: return "Group";
  case ParameterType_ListView: return "ListView";
  case ParameterType_RAM: return "RAM";
  case ParameterType_Band: return "Band";
  case ParameterType_Field: return "Field";
  default: return "Unknown";
  }
}

const char* PixelTypeName(ImagePixelType type)
{
  switch (type)
  {
  case ImagePixelType_uint8: return "uint8";
  case ImagePixelType_int16: return "int16";
  case ImagePixelType_uint16: return "uint16";
  case ImagePixelType_int32: return "int32";
  case ImagePixelType_uint32: return "uint32";
  case ImagePixelType_float: return "float";
  case ImagePixelType_double: return "double";
  case ImagePixelType_cint16: return "cint16";
  case ImagePixelType_cint32: return "cint32";
  case ImagePixelType_cfloat: return "cfloat";
  case ImagePixelType_cdouble: return "cdouble";
  default: return "unknown";
  }
}

// OTB's unset bounds are the type's extremes: those are written as empty fields.
template <typename T>
void PrintRange(const std::string& key, Parameter* parameter)
{
  auto* numerical = dynamic_cast<NumericalParameter<T>*>(parameter);
  if (!numerical)
    return;
  auto bound = [](T value, T unset) {
    if (value == unset)
      return std::string();
    std::ostringstream text;
    text << value;
    return text.str();
  };
  Record({"range", key, bound(numerical->GetMinimumValue(), itk::NumericTraits<T>::NonpositiveMin()),
          bound(numerical->GetMaximumValue(), itk::NumericTraits<T>::max())});
}

std::string Value(Application* app, const std::string& key, ParameterType type)
{
  if (type == ParameterType_Group || !app->HasValue(key))
    return "";
  if (type == ParameterType_Bool)
    return app->GetParameterInt(key) ? "true" : "false";
  return app->GetParameterAsString(key);
}

void Describe(Application* app, const std::string& name)
{
  Record({"app", name, app->GetDescription(), app->GetDocLongDescription()});
  for (const std::string& key : app->GetParametersKeys(true))
  {
    Parameter* parameter = app->GetParameterByKey(key);
    const ParameterType type = app->GetParameterType(key);
    Record({"param", key, TypeName(type), app->GetParameterRole(key) == Role_Output ? "output" : "input",
            app->IsMandatory(key) ? "1" : "0", app->HasValue(key) ? "1" : "0", Value(app, key, type),
            app->GetParameterName(key), app->GetParameterDescription(key)});
    if (type == ParameterType_Choice || type == ParameterType_ListView)
    {
      const auto keys = app->GetChoiceKeys(key);
      const auto names = app->GetChoiceNames(key);
      for (size_t i = 0; i < keys.size(); ++i)
        Record({"choice", key, keys[i], i < names.size() ? names[i] : ""});
    }
    if (auto* listView = dynamic_cast<ListViewParameter*>(parameter))
      Record({"single", key, listView->GetSingleSelection() ? "1" : "0"});
    if (type == ParameterType_OutputImage)
      Record({"pixel", key, PixelTypeName(app->GetParameterOutputImagePixelType(key))});
    if (type == ParameterType_Int || type == ParameterType_Radius || type == ParameterType_RAM)
      PrintRange<int>(key, parameter);
    if (type == ParameterType_Float)
      PrintRange<float>(key, parameter);
  }
  Record({"end", name});
}
} // namespace

int main(int argc, char* argv[])
{
  const std::vector<std::string> available = ApplicationRegistry::GetAvailableApplications();
  if (available.empty())
  {
    std::cerr << "otb-describe: no OTB application found (ITK_AUTOLOAD_PATH="
              << (getenv("ITK_AUTOLOAD_PATH") ? getenv("ITK_AUTOLOAD_PATH") : "unset") << ")\n";
    return 3;
  }
  if (argc == 2 && std::string(argv[1]) == "--list")
  {
    for (const auto& name : available)
      std::cout << name << '\n';
    return 0;
  }
  for (int i = 1; i < argc; ++i)
  {
    Application::Pointer app = ApplicationRegistry::CreateApplication(argv[i]);
    if (app.IsNull())
    {
      std::cerr << "otb-describe: unknown OTB application: " << argv[i] << '\n';
      return 2;
    }
    Describe(app, argv[i]);
  }
  std::cout.flush();
  return std::cout ? 0 : 1;
}
