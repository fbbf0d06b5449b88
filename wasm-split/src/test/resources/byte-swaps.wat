;; ByteSwapsTest: big-endian reads and byte swaps in the shapes clang emits, and near misses.
(module
  (memory 1)
  (data (i32.const 0) "\01\02\03\04\05\06\07\08\89\9a\ab\bc\cd\de\ef\f0\11\22\33\44\55\66\77\88\99")

  ;; get4byte byte by byte, or-ed left to right: replaced (4 bytes loaded)
  (func (export "get4") (param $p i32) (result i32)
    (i32.or
      (i32.or
        (i32.or
          (i32.shl (i32.load8_u (local.get $p)) (i32.const 24))
          (i32.shl (i32.load8_u offset=1 (local.get $p)) (i32.const 16)))
        (i32.shl (i32.load8_u offset=2 (local.get $p)) (i32.const 8)))
      (i32.load8_u offset=3 (local.get $p))))

  ;; the same as a balanced tree, terms out of order, the base set by the first use: replaced
  (func (export "get4balanced") (param $p i32) (result i32) (local $q i32)
    (i32.or
      (i32.or
        (i32.shl (i32.load8_u offset=1 (local.tee $q (i32.add (local.get $p) (i32.const 3)))) (i32.const 16))
        (i32.shl (i32.load8_u (local.get $q)) (i32.const 24)))
      (i32.add
        (i32.load8_u offset=3 (local.get $q))
        (i32.shl (i32.load8_u offset=2 (local.get $q)) (i32.const 8)))))

  ;; get2byte: replaced (2 bytes loaded)
  (func (export "get2") (param $p i32) (result i32)
    (i32.or
      (i32.shl (i32.load8_u offset=5 (local.get $p)) (i32.const 8))
      (i32.load8_u offset=6 (local.get $p))))

  ;; a record's 8-byte value, as clang spells it: replaced (8 bytes loaded)
  (func (export "get8") (param $p i32) (result i64) (local $q i32)
    (i64.add
      (i64.or
        (i64.or
          (i64.or
            (i64.or
              (i64.or
                (i64.or
                  (i64.shl (i64.load8_u offset=1 (local.tee $q (i32.add (local.get $p) (i32.load8_u (local.get $p))))) (i64.const 48))
                  (i64.shl (i64.load8_u (local.get $q)) (i64.const 56)))
                (i64.shl (i64.load8_u offset=2 (local.get $q)) (i64.const 40)))
              (i64.shl (i64.load8_u offset=3 (local.get $q)) (i64.const 32)))
            (i64.shl (i64.load8_u offset=4 (local.get $q)) (i64.const 24)))
          (i64.shl (i64.load8_u offset=5 (local.get $q)) (i64.const 16)))
        (i64.shl (i64.load8_u offset=6 (local.get $q)) (i64.const 8)))
      (i64.load8_u offset=7 (local.get $q))))

  ;; __builtin_bswap32 of a loaded word, as the wasm backend expands it: replaced (value swapped)
  (func (export "swap32") (param $p i32) (result i32) (local $x i32)
    (i32.or
      (i32.or
        (i32.shl (local.tee $x (i32.load offset=8 (local.get $p))) (i32.const 24))
        (i32.shl (i32.and (local.get $x) (i32.const 65280)) (i32.const 8)))
      (i32.or
        (i32.and (i32.shr_u (local.get $x) (i32.const 8)) (i32.const 65280))
        (i32.shr_u (local.get $x) (i32.const 24)))))

  ;; __builtin_bswap64 of a parameter: replaced (value swapped)
  (func (export "swap64") (param $x i64) (result i64)
    (i64.or
      (i64.or
        (i64.or
          (i64.shl (local.get $x) (i64.const 56))
          (i64.shl (i64.and (local.get $x) (i64.const 65280)) (i64.const 40)))
        (i64.or
          (i64.shl (i64.and (local.get $x) (i64.const 16711680)) (i64.const 24))
          (i64.shl (i64.and (local.get $x) (i64.const 4278190080)) (i64.const 8))))
      (i64.or
        (i64.or
          (i64.and (i64.shr_u (local.get $x) (i64.const 8)) (i64.const 4278190080))
          (i64.and (i64.shr_u (local.get $x) (i64.const 24)) (i64.const 16711680)))
        (i64.or
          (i64.and (i64.shr_u (local.get $x) (i64.const 40)) (i64.const 65280))
          (i64.shr_u (local.get $x) (i64.const 56))))))

  ;; a 16-bit swap of a value whose high bits are not zero: replaced (the result's high half is zero)
  (func (export "swap16") (param $x i32) (result i32)
    (i32.or
      (i32.shl (i32.and (local.get $x) (i32.const 255)) (i32.const 8))
      (i32.and (i32.shr_u (local.get $x) (i32.const 8)) (i32.const 255))))

  ;; near misses, all left alone:
  ;; little-endian order
  (func (export "littleEndian") (param $p i32) (result i32)
    (i32.or
      (i32.load8_u (local.get $p))
      (i32.shl (i32.load8_u offset=1 (local.get $p)) (i32.const 8))))
  ;; three bytes
  (func (export "three") (param $p i32) (result i32)
    (i32.or
      (i32.or
        (i32.shl (i32.load8_u (local.get $p)) (i32.const 16))
        (i32.shl (i32.load8_u offset=1 (local.get $p)) (i32.const 8)))
      (i32.load8_u offset=2 (local.get $p))))
  ;; the base moved between the two loads
  (func (export "moved") (param $p i32) (result i32)
    (i32.or
      (i32.shl (i32.load8_u (local.get $p)) (i32.const 8))
      (i32.load8_u offset=1 (local.tee $p (i32.add (local.get $p) (i32.const 2))))))
  ;; two different bases
  (func (export "twoBases") (param $p i32) (param $r i32) (result i32)
    (i32.or
      (i32.shl (i32.load8_u (local.get $p)) (i32.const 8))
      (i32.load8_u offset=1 (local.get $r))))
  ;; bytes that overlap (added: not the same as or-ed)
  (func (export "overlap") (param $p i32) (result i32)
    (i32.add
      (i32.shl (i32.load8_u (local.get $p)) (i32.const 4))
      (i32.load8_u offset=1 (local.get $p))))
  ;; a swap that misses a byte
  (func (export "partialSwap") (param $x i32) (result i32)
    (i32.or
      (i32.shl (local.get $x) (i32.const 24))
      (i32.shr_u (local.get $x) (i32.const 24))))
)
