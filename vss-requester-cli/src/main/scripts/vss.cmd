@echo off
rem Launcher for the vss command: runs vss.jar from this script's directory. Run from an elevated prompt.
setlocal
set "JAVA_CMD=java"
if defined JAVA_HOME set "JAVA_CMD=%JAVA_HOME%\bin\java"
"%JAVA_CMD%" %VSS_JAVA_OPTS% -jar "%~dp0vss.jar" %*
exit /b %ERRORLEVEL%
