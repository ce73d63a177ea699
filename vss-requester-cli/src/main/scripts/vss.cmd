@echo off
rem Launcher for the vss command: runs vss.jar (next to this script, or in ..\lib in the unpacked distribution) with
rem the java on PATH (or %JAVA_HOME%\bin\java), passing %VSS_JAVA_OPTS% to the JVM. Run from an elevated prompt.
setlocal
set "JAVA_CMD=java"
if defined JAVA_HOME set "JAVA_CMD=%JAVA_HOME%\bin\java"
set "VSS_JAR=%~dp0vss.jar"
if not exist "%VSS_JAR%" set "VSS_JAR=%~dp0..\lib\vss.jar"
"%JAVA_CMD%" %VSS_JAVA_OPTS% -jar "%VSS_JAR%" %*
exit /b %ERRORLEVEL%
