package build
import ("testing";"context";"path/filepath";"os";"fmt";"time";"strings";"runtime/pprof")
func TestTmp10k(t *testing.T){
	dir := "/tmp/c10k"
	l,_ := NewLive(Options{Source: dir})
	t0 := time.Now()
	if _, err := l.Rebuild(context.Background(), nil); err != nil { t.Fatal(err) }
	fmt.Println("first", time.Since(t0))
	files, _ := filepath.Glob(dir+"/content/articles/2022/*.md")
	a := files[0]
	d,_ := os.ReadFile(a)
	pf,_ := os.Create("/tmp/edit.prof"); pprof.StartCPUProfile(pf); defer pprof.StopCPUProfile()
	for i := range 20 {
		os.WriteFile(a, []byte(strings.Replace(string(d), "title: ", fmt.Sprintf("title: X%d", i), 1)), 0o644)
		t1 := time.Now()
		ch, err := l.Rebuild(context.Background(), []string{a})
		fmt.Println("title edit", time.Since(t1), ch.Rendered, len(ch.Changed), err)
	}
	os.WriteFile(a, d, 0o644)
}
